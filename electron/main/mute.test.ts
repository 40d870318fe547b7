import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { loadMuteSetting } from './mute.ts';

let dir: string;
let warn: MockInstance<typeof console.warn>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fellows-mute-'));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const file = () => join(dir, 'notifications.json');

describe('loadMuteSetting', () => {
  it('is off when nothing was saved, without a warning', async () => {
    expect((await loadMuteSetting({ filePath: file() })).isMuted()).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the choice across restarts, in a private file', async () => {
    const setting = await loadMuteSetting({ filePath: file() });
    await setting.setMuted(true);
    expect(setting.isMuted()).toBe(true);
    expect((await loadMuteSetting({ filePath: file() })).isMuted()).toBe(true);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ version: 1, muted: true });
    if (process.platform !== 'win32') expect((await stat(file())).mode & 0o777).toBe(0o600);
    await setting.setMuted(false);
    expect((await loadMuteSetting({ filePath: file() })).isMuted()).toBe(false);
    // No temporary files are left behind.
    expect(await readdir(dir)).toEqual(['notifications.json']);
  });

  it('changes at once, before the file is written', async () => {
    const setting = await loadMuteSetting({ filePath: file() });
    const saved = setting.setMuted(true);
    expect(setting.isMuted()).toBe(true);
    await saved;
  });

  it('the last of quick changes wins on disk', async () => {
    const setting = await loadMuteSetting({ filePath: file() });
    await Promise.all([setting.setMuted(true), setting.setMuted(false), setting.setMuted(true)]);
    expect((await loadMuteSetting({ filePath: file() })).isMuted()).toBe(true);
  });

  it.each([
    ['not JSON', '{muted: true'],
    ['a wrong version', '{"version":2,"muted":true}'],
    ['a string for muted', '{"version":1,"muted":"yes"}'],
    ['an extra field', '{"version":1,"muted":true,"x":1}'],
    ['an array', '[true]'],
  ])('treats a damaged file (%s) as not muted, with a log line', async (_name, text) => {
    await writeFile(file(), text);
    expect((await loadMuteSetting({ filePath: file() })).isMuted()).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      'notifications: notifications.json is damaged; they are not muted',
    );
  });

  it('reports a failed write and stays usable', async () => {
    const failing = { ...fs, rename: () => Promise.reject(new Error('EXDEV')) };
    const setting = await loadMuteSetting({ filePath: file(), fs: failing });
    await expect(setting.setMuted(true)).rejects.toThrow('EXDEV');
    expect(await readdir(dir)).toEqual([]);
    expect(setting.isMuted()).toBe(true);
  });
});
