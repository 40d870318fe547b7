import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  createWindowStateStore,
  displayAreas,
  parseWindowState,
  restoreBounds,
  serializeWindowState,
  type TrackableWindow,
  type WindowState,
} from './window-state.ts';
import { mainWindowOptions } from './window.ts';

// The real window must fit what the store wires (checked by the compiler).
export const realWindowFits = (window: BrowserWindow): TrackableWindow => window;

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
// A second monitor to the right of the laptop, its work area below a 25 px menu bar.
const monitor: Rectangle = { x: 1440, y: 25, width: 2560, height: 1415 };
const one = { primary: laptop, workAreas: [laptop] };
const two = { primary: laptop, workAreas: [laptop, monitor] };

const state = (bounds: Rectangle, more: Partial<WindowState> = {}): WindowState => ({
  bounds,
  maximized: false,
  fullScreen: false,
  ...more,
});

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseWindowState', () => {
  it('reads what serializeWindowState wrote', () => {
    const saved = state({ x: 10, y: 20, width: 900, height: 600 }, { maximized: true });
    expect(parseWindowState(serializeWindowState(saved))).toEqual({ state: saved });
  });

  it('treats a missing file as no state, without a problem', () => {
    expect(parseWindowState(null)).toEqual({ state: null, problem: null });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    [
      'another version',
      '{"version":2,"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":false,"fullScreen":false}',
    ],
    ['no bounds', '{"version":1,"maximized":false,"fullScreen":false}'],
    [
      'a fractional size',
      '{"version":1,"bounds":{"x":0,"y":0,"width":800.5,"height":600},"maximized":false,"fullScreen":false}',
    ],
    [
      'a zero width',
      '{"version":1,"bounds":{"x":0,"y":0,"width":0,"height":600},"maximized":false,"fullScreen":false}',
    ],
    [
      'a huge offset',
      '{"version":1,"bounds":{"x":1e9,"y":0,"width":800,"height":600},"maximized":false,"fullScreen":false}',
    ],
    [
      'a string flag',
      '{"version":1,"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":"yes","fullScreen":false}',
    ],
    [
      'an extra key',
      '{"version":1,"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":false,"fullScreen":false,"__proto__":{}}',
    ],
    ['an array', '[]'],
    ['null', 'null'],
  ])('refuses %s, saying why', (_what, text) => {
    const { state: parsed, problem } = parseWindowState(text);
    expect(parsed).toBeNull();
    expect(problem).toMatch(/JSON|window/);
  });
});

describe('restoreBounds', () => {
  it('opens a first window centred on the primary display at the default size', () => {
    expect(restoreBounds(null, one)).toEqual({ x: 170, y: 78, width: 1100, height: 720 });
  });

  it('puts a window back exactly where it was when it fits', () => {
    const bounds = { x: 100, y: 50, width: 1000, height: 700 };
    expect(restoreBounds(state(bounds), one)).toEqual(bounds);
  });

  it('keeps a window on the second monitor there', () => {
    const bounds = { x: 2000, y: 200, width: 1200, height: 800 };
    expect(restoreBounds(state(bounds), two)).toEqual(bounds);
  });

  it('brings a window from a monitor that is gone back onto the primary display', () => {
    const bounds = { x: 2000, y: 200, width: 1200, height: 800 };
    expect(restoreBounds(state(bounds), one)).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('moves a window hanging off the edge fully onto the display it mostly covers', () => {
    expect(restoreBounds(state({ x: 1300, y: -40, width: 1000, height: 700 }), two)).toEqual({
      x: 1440,
      y: 25,
      width: 1000,
      height: 700,
    });
    expect(restoreBounds(state({ x: -300, y: 500, width: 1000, height: 700 }), one)).toEqual({
      x: 0,
      y: 175,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than its display to the work area', () => {
    expect(restoreBounds(state({ x: 0, y: 0, width: 3000, height: 2000 }), one)).toEqual(laptop);
  });

  it('grows a window smaller than the minimum size', () => {
    expect(restoreBounds(state({ x: 40, y: 40, width: 200, height: 100 }), one)).toEqual({
      x: 40,
      y: 40,
      width: 720,
      height: 480,
    });
  });

  it('never makes a window smaller than the minimum, even on a tiny screen', () => {
    const tiny = { x: 0, y: 0, width: 640, height: 400 };
    const bounds = restoreBounds(state({ x: 0, y: 0, width: 900, height: 700 }), {
      primary: tiny,
      workAreas: [tiny],
    });
    expect(bounds).toEqual({ x: 0, y: 0, width: 720, height: 480 });
  });

  it('reads the work areas from Electron’s screen', () => {
    const screen = {
      getPrimaryDisplay: () => ({ workArea: laptop }),
      getAllDisplays: () => [{ workArea: laptop }, { workArea: monitor }],
    };
    expect(displayAreas(screen)).toEqual(two);
  });

  it('gives the window options the restored bounds and keeps the minimum size', () => {
    const bounds = { x: 2000, y: 200, width: 1200, height: 800 };
    expect(mainWindowOptions({ preloadPath: '', dark: false, bounds })).toMatchObject({
      ...bounds,
      minWidth: 720,
      minHeight: 480,
    });
  });
});

/** A window that emits Electron's events and reports the bounds a test gives it. */
class FakeWindow extends EventEmitter {
  bounds: Rectangle = { x: 100, y: 100, width: 1000, height: 700 };
  maximized = false;
  fullScreen = false;
  destroyed = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
  isDestroyed = () => this.destroyed;
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  setFullScreen = vi.fn((flag: boolean) => {
    this.fullScreen = flag;
  });
}

describe('createWindowStateStore', () => {
  let dir: string;
  let filePath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fellows-window-'));
    filePath = join(dir, 'window-state.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A store whose debounce timer the test fires by hand. */
  const setup = () => {
    let pending: (() => void) | null = null;
    const store = createWindowStateStore({
      filePath,
      setTimeout: (callback) => {
        pending = callback;
        return callback;
      },
      clearTimeout: () => {
        pending = null;
      },
    });
    const fire = () => {
      const callback = pending;
      pending = null;
      callback?.();
    };
    return { store, fire, isPending: () => pending !== null };
  };

  it('has nothing to restore on a first run, and says nothing about it', () => {
    const { store } = setup();
    expect(store.load()).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores a damaged file once, with the reason, and opens with the defaults', async () => {
    await writeFile(filePath, '{"version":1,"bounds":"everywhere"}');
    const { store } = setup();
    expect(store.load()).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      'window-state: ignored window-state.json: it does not describe a window',
    );
    expect(restoreBounds(store.current(), one)).toEqual(restoreBounds(null, one));
  });

  it('saves after the window stops moving, once, with its normal bounds', async () => {
    const { store, fire, isPending } = setup();
    store.load();
    const window = new FakeWindow();
    store.track(window);
    window.emit('move');
    window.bounds = { x: 300, y: 200, width: 900, height: 650 };
    window.emit('resize');
    expect(await readdir(dir)).toEqual([]);
    expect(isPending()).toBe(true);
    fire();
    const saved = parseWindowState(await readFile(filePath, 'utf8')).state;
    expect(saved).toEqual(state({ x: 300, y: 200, width: 900, height: 650 }));
    expect(store.current()).toEqual(saved);
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('saves at once on close, including maximized and full-screen', async () => {
    const { store, isPending } = setup();
    const window = new FakeWindow();
    store.track(window);
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(isPending()).toBe(false);
    expect(parseWindowState(await readFile(filePath, 'utf8')).state).toMatchObject({
      maximized: true,
      fullScreen: false,
    });
  });

  it('restores maximized or full-screen before the window first shows', async () => {
    await writeFile(
      filePath,
      serializeWindowState(state({ x: 0, y: 0, width: 800, height: 600 }, { maximized: true })),
    );
    const { store } = setup();
    store.load();
    const window = new FakeWindow();
    store.track(window);
    expect(window.maximize).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledTimes(1);
    expect(window.setFullScreen).not.toHaveBeenCalled();

    await writeFile(
      filePath,
      serializeWindowState(state({ x: 0, y: 0, width: 800, height: 600 }, { fullScreen: true })),
    );
    store.load();
    const second = new FakeWindow();
    store.track(second);
    second.emit('ready-to-show');
    expect(second.setFullScreen).toHaveBeenCalledWith(true);
  });

  it('does not read a window that is already destroyed', () => {
    const { store, fire } = setup();
    const window = new FakeWindow();
    store.track(window);
    window.emit('resize');
    window.destroyed = true;
    window.getNormalBounds = () => {
      throw new Error('Object has been destroyed');
    };
    expect(fire).not.toThrow();
  });

  it('logs, and keeps going, when the file cannot be written', async () => {
    const store = createWindowStateStore({ filePath: join(dir, 'missing', '\0bad', 'x.json') });
    const window = new FakeWindow();
    store.track(window);
    expect(() => window.emit('close')).not.toThrow();
    expect(warn).toHaveBeenCalledWith('window-state: could not save x.json', expect.any(Error));
    expect(await readdir(dir)).toEqual([]);
  });
});
