import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from './persist.ts';

describe('requestPersistentStorage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks once and says whether the browser granted it', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await requestPersistentStorage({ navigator: { storage: { persist } } })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(debug).toHaveBeenCalledWith('fellows: persistent storage granted');
    const refuse = () => Promise.resolve(false);
    expect(await requestPersistentStorage({ navigator: { storage: { persist: refuse } } })).toBe(
      false,
    );
    expect(debug).toHaveBeenLastCalledWith('fellows: persistent storage not granted');
  });

  it('never throws where it is unsupported or fails', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    expect(await requestPersistentStorage({})).toBeNull();
    expect(await requestPersistentStorage({ navigator: {} })).toBeNull();
    expect(await requestPersistentStorage({ navigator: { storage: {} } })).toBeNull();
    const broken = () => Promise.reject(new Error('denied by policy'));
    expect(await requestPersistentStorage({ navigator: { storage: { persist: broken } } })).toBe(
      null,
    );
    const thrower = () => {
      throw new TypeError('illegal invocation');
    };
    expect(await requestPersistentStorage({ navigator: { storage: { persist: thrower } } })).toBe(
      null,
    );
    expect(debug).toHaveBeenCalledTimes(5);
    expect(debug).toHaveBeenLastCalledWith(
      'fellows: asking for persistent storage failed',
      expect.any(TypeError),
    );
  });
});
