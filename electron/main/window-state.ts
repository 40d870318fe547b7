import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Rectangle } from 'electron';
import { z } from '../../shared/zod.ts';
import { defaultWindowSize, minWindowSize } from './window.ts';

/** Where and how the main window was when the person last moved, resized or closed it. */
export type WindowState = {
  /** The bounds of the normal (not maximized, not full-screen) window. */
  bounds: Rectangle;
  maximized: boolean;
  fullScreen: boolean;
};

/** The displays connected now: each one's work area (without dock, taskbar or panels). */
export type DisplayAreas = { primary: Rectangle; workAreas: readonly Rectangle[] };

// Far beyond any real screen arrangement; a file with more is not ours to trust.
const coordinate = z.int().check(z.minimum(-100_000), z.maximum(100_000));
const length = z.int().check(z.minimum(1), z.maximum(100_000));

const windowStateFileSchema = z.strictObject({
  version: z.literal(1),
  bounds: z.strictObject({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});

/**
 * The saved state in a window-state file's text, or `null` with the reason it cannot be
 * used. `null` text means there is no file yet, which is not a problem.
 */
export function parseWindowState(
  text: string | null,
): { state: WindowState; problem?: never } | { state: null; problem: string | null } {
  if (text === null) return { state: null, problem: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: null, problem: 'it is not valid JSON' };
  }
  const parsed = windowStateFileSchema.safeParse(data);
  if (!parsed.success) return { state: null, problem: 'it does not describe a window' };
  const { bounds, maximized, fullScreen } = parsed.data;
  return { state: { bounds, maximized, fullScreen } };
}

/** The text of a window-state file. */
export function serializeWindowState(state: WindowState): string {
  return JSON.stringify({ version: 1, ...state });
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** A size that fits `area` as far as the minimum size allows. */
function fitted(size: { width: number; height: number }, area: Rectangle) {
  return {
    width: Math.max(minWindowSize.width, Math.min(size.width, area.width)),
    height: Math.max(minWindowSize.height, Math.min(size.height, area.height)),
  };
}

/** A window of `size` centred in `area` (from its top-left if it cannot fit). */
function centred(size: { width: number; height: number }, area: Rectangle): Rectangle {
  const { width, height } = fitted(size, area);
  return {
    x: area.x + Math.max(0, Math.round((area.width - width) / 2)),
    y: area.y + Math.max(0, Math.round((area.height - height) / 2)),
    width,
    height,
  };
}

/**
 * The bounds to open the main window with. The saved window goes back on the display it
 * overlaps most, moved and shrunk so it fits that display's work area entirely; a window
 * saved on a display that is no longer connected, or never saved, opens centred on the
 * primary display at its default size. Never smaller than the minimum size, even on a
 * screen that is (then the window is as large as the screen allows from its top-left).
 */
export function restoreBounds(saved: WindowState | null, displays: DisplayAreas): Rectangle {
  if (saved === null) return centred(defaultWindowSize, displays.primary);
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of displays.workAreas) {
    const overlap = overlapArea(saved.bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === null) return centred(saved.bounds, displays.primary);
  const { width, height } = fitted(saved.bounds, best);
  return {
    x: clamp(saved.bounds.x, best.x, Math.max(best.x, best.x + best.width - width)),
    y: clamp(saved.bounds.y, best.y, Math.max(best.y, best.y + best.height - height)),
    width,
    height,
  };
}

/** `DisplayAreas` from Electron's `screen` (available once the app is ready). */
export function displayAreas(screen: {
  getPrimaryDisplay(): { workArea: Rectangle };
  getAllDisplays(): { workArea: Rectangle }[];
}): DisplayAreas {
  return {
    primary: screen.getPrimaryDisplay().workArea,
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
  };
}

/** The events after which the window's state may have changed. */
const stateEvents = [
  'resize',
  'move',
  'maximize',
  'unmaximize',
  'enter-full-screen',
  'leave-full-screen',
] as const;

/** The part of Electron's `BrowserWindow` the store reads and wires. */
export type TrackableWindow = {
  on(event: (typeof stateEvents)[number] | 'close', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
  maximize(): void;
  setFullScreen(flag: boolean): void;
};

/** The synchronous file operations the store uses (see `save` for why synchronous). */
export type WindowStateFs = Pick<
  typeof nodeFs,
  'readFileSync' | 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'rmSync'
>;

export type WindowStateStoreOptions = {
  /** The state file, e.g. `<userData>/window-state.json`. */
  filePath: string;
  fs?: WindowStateFs;
  /** How long the window must stay still before its state is written. */
  delayMs?: number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
};

export type WindowStateStore = {
  /** The last state read or saved; `null` before `load` or when there is none. */
  current(): WindowState | null;
  /** Reads the file; anything unusable is logged once and the window gets the defaults. */
  load(): WindowState | null;
  /**
   * Restores maximized/full-screen before the window first shows, and saves the window's
   * state after it moves or resizes (debounced) and when it closes (at once).
   */
  track(window: TrackableWindow): void;
};

/** Remembers the main window's size, position and maximized/full-screen state in one file. */
export function createWindowStateStore(options: WindowStateStoreOptions): WindowStateStore {
  const { filePath } = options;
  const fs = options.fs ?? nodeFs;
  const delayMs = options.delayMs ?? 500;
  const setTimer = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimeout ??
    ((handle) => {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    });
  let state: WindowState | null = null;

  const read = (): string | null => {
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      console.warn(`window-state: could not read ${basename(filePath)}; using the defaults`);
      return null;
    }
  };

  // Synchronous on purpose: the last save happens on 'close' during a quit, when an async
  // write could be cut off. The file is a hundred bytes and writes are debounced.
  const save = (next: WindowState) => {
    state = next;
    const temp = join(dirname(filePath), `.${basename(filePath)}.tmp`);
    try {
      fs.mkdirSync(dirname(filePath), { recursive: true });
      fs.writeFileSync(temp, serializeWindowState(next), { mode: 0o600 });
      fs.renameSync(temp, filePath);
    } catch (error) {
      // Losing the window's position is harmless: say why and go on.
      console.warn(`window-state: could not save ${basename(filePath)}`, error);
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // The temp file may be what could not be written; the warning above says why.
      }
    }
  };

  return {
    current: () => state,

    load: () => {
      const { state: loaded, problem } = parseWindowState(read());
      if (problem) console.warn(`window-state: ignored ${basename(filePath)}: ${problem}`);
      state = loaded;
      return state;
    },

    track: (window) => {
      const restore = state;
      window.once('ready-to-show', () => {
        if (restore?.fullScreen) window.setFullScreen(true);
        else if (restore?.maximized) window.maximize();
      });

      let timer: unknown = null;
      const snapshot = (): WindowState => ({
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
        fullScreen: window.isFullScreen(),
      });
      const saveNow = () => {
        if (timer !== null) clearTimer(timer);
        timer = null;
        if (!window.isDestroyed()) save(snapshot());
      };
      for (const event of stateEvents) {
        window.on(event, () => {
          if (timer !== null) clearTimer(timer);
          timer = setTimer(saveNow, delayMs);
        });
      }
      window.on('close', saveNow);
    },
  };
}
