import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { z } from '../../shared/zod.ts';

/** The file operations the setting needs; tests pass a wrapper to make one fail. */
export type MuteFs = Pick<typeof nodeFs, 'readFile' | 'writeFile' | 'rename' | 'unlink' | 'mkdir'>;

/** "Mute notifications" from the tray menu, kept across restarts. */
export type MuteSetting = {
  isMuted: () => boolean;
  /** Changes it at once; the promise settles when it is on disk. */
  setMuted: (muted: boolean) => Promise<void>;
};

const muteFileSchema = z.strictObject({ version: z.literal(1), muted: z.boolean() });

/**
 * Reads the setting from `filePath` (`<userData>/notifications.json`). A missing file means
 * not muted; a damaged one is reported by a log line and counts as not muted (the next change
 * replaces it). Writes are atomic (a new file renamed over the old) and one at a time.
 */
export async function loadMuteSetting(options: {
  filePath: string;
  fs?: MuteFs;
}): Promise<MuteSetting> {
  const { filePath } = options;
  const fs = options.fs ?? nodeFs;
  let muted = await readMuted(fs, filePath);
  let queue: Promise<void> = Promise.resolve();

  const write = async (value: boolean) => {
    await fs.mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
    const temp = join(
      dirname(filePath),
      `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      await fs.writeFile(temp, JSON.stringify({ version: 1, muted: value }), {
        mode: 0o600,
        flag: 'wx',
      });
      await fs.rename(temp, filePath);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  };

  return {
    isMuted: () => muted,
    setMuted: (value) => {
      muted = value;
      const next = queue.then(() => write(value));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

async function readMuted(fs: MuteFs, filePath: string): Promise<boolean> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.warn(`notifications: could not read ${basename(filePath)}; they are not muted`);
    }
    return false;
  }
  const parsed = muteFileSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    console.warn(`notifications: ${basename(filePath)} is damaged; they are not muted`);
    return false;
  }
  return parsed.data.muted;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
