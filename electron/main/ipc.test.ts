import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { channelNames, type ChannelName } from '../../shared/ipc/channels.ts';
import { MAX_VAULT_VALUE_BYTES } from '../../shared/ipc/contract.ts';
import { VaultUnavailableError } from './errors.ts';
import { registerIpc, type Handlers, type InvokeEvent, type IpcMainLike } from './ipc.ts';
import { APP_ORIGIN, isTrustedSender, type SenderFrame } from './security.ts';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** An ipcMain that keeps its handlers so tests can invoke them like a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  invoke(channel: ChannelName, args: unknown[], frame: SenderFrame | null = appFrame): unknown {
    const listener = this.listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    const event: InvokeEvent = { senderFrame: frame };
    return listener(event, ...args);
  }
}

const appFrame: SenderFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };
const DEV = 'http://localhost:5173';
const SECRET = 'do-not-log-this-secret';

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:info': () => ({
      name: 'Fellows',
      version: '0.1.0',
      platform: 'linux',
      host: 'electron',
      versions: {},
    }),
    'app:recycle': () => null,
    'app:setUnread': () => null,
    'vault:status': () => ({
      available: true,
      backend: 'gnome_libsecret',
      protectedAtRest: true,
      explanation: 'ok',
    }),
    'vault:get': () => new Uint8Array([1, 2, 3]),
    'vault:set': () => null,
    'vault:delete': () => null,
    'shell:openExternal': () => null,
    'notify:show': () => true,
    ...overrides,
  };
}

let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function setup(handlers = fakeHandlers(), devServerUrl?: string) {
  const ipcMain = new FakeIpcMain();
  const unregister = registerIpc(ipcMain, handlers, (frame) =>
    isTrustedSender(frame, devServerUrl),
  );
  return { ipcMain, unregister };
}

/** Every line the module logged, so tests can assert no secret is among them. */
function logged(): string {
  return JSON.stringify([...warn.mock.calls, ...error.mock.calls]);
}

describe('registerIpc', () => {
  it('handles every channel of the contract and can remove them again', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...channelNames].sort());
    unregister();
    expect(ipcMain.listeners.size).toBe(0);
  });

  it('returns the handler value as an ok result', async () => {
    const { ipcMain } = setup();
    expect(await ipcMain.invoke('vault:get', ['device-key'])).toEqual({
      ok: true,
      value: new Uint8Array([1, 2, 3]),
    });
    expect(await ipcMain.invoke('vault:set', ['device-key', new Uint8Array([7])])).toEqual({
      ok: true,
      value: null,
    });
  });

  it('passes parsed arguments to the handler', async () => {
    const set = vi.fn(() => null);
    const { ipcMain } = setup(fakeHandlers({ 'vault:set': set }));
    const value = new Uint8Array([9, 9]);
    await ipcMain.invoke('vault:set', ['device-key', value]);
    expect(set).toHaveBeenCalledWith('device-key', value);
  });
});

describe('sender validation', () => {
  const forbidden = { ok: false, error: { code: 'forbidden' } };

  it.each([
    ['a destroyed frame', null],
    ['a subframe', { url: `${APP_ORIGIN}/index.html`, parent: appFrame }],
    ['a foreign origin', { url: 'https://example.com/', parent: null }],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }],
    ['the dev server when not configured', { url: `${DEV}/`, parent: null }],
  ])('refuses %s without calling the handler', async (_name, frame) => {
    const get = vi.fn(() => null);
    const { ipcMain } = setup(fakeHandlers({ 'vault:get': get }));
    expect(await ipcMain.invoke('vault:get', ['device-key'], frame)).toMatchObject(forbidden);
    expect(get).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^ipc: refused vault:get/));
  });

  it('accepts the dev server when it is configured', async () => {
    const { ipcMain } = setup(fakeHandlers(), DEV);
    const result = await ipcMain.invoke('app:info', [], { url: `${DEV}/`, parent: null });
    expect(result).toMatchObject({ ok: true });
  });

  it('treats a sender frame that throws when read as untrusted', async () => {
    const { ipcMain } = setup();
    const listener = ipcMain.listeners.get('app:info')!;
    const event = {
      get senderFrame(): SenderFrame | null {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await listener(event)).toMatchObject(forbidden);
  });
});

describe('argument validation', () => {
  const invalid = async (channel: ChannelName, args: unknown[]) => {
    const handler = vi.fn(() => null);
    const { ipcMain } = setup(fakeHandlers({ [channel]: handler }));
    const result = (await ipcMain.invoke(channel, args)) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-argument');
    expect(handler).not.toHaveBeenCalled();
    return result.error.message;
  };

  it('names the argument that has the wrong type', async () => {
    expect(await invalid('vault:get', [42])).toBe(
      'vault:get: argument 1 (name): Invalid input: expected string, received number.',
    );
    expect(await invalid('vault:set', ['device-key', 'not bytes'])).toBe(
      'vault:set: argument 2 (value): a vault value must be bytes (Uint8Array).',
    );
  });

  it('refuses too many and too few arguments', async () => {
    expect(await invalid('app:info', [1])).toBe('app:info takes no arguments, got 1.');
    expect(await invalid('vault:get', ['a', 'b', 'c'])).toBe(
      'vault:get takes 1 argument (name), got 3.',
    );
    expect(await invalid('vault:set', ['device-key'])).toBe(
      'vault:set takes 2 arguments (name, value), got 1.',
    );
  });

  it('refuses an oversized vault value', async () => {
    const message = await invalid('vault:set', [
      'device-key',
      new Uint8Array(MAX_VAULT_VALUE_BYTES + 1),
    ]);
    expect(message).toBe(
      `vault:set: argument 2 (value): a vault value holds at most ${MAX_VAULT_VALUE_BYTES} bytes.`,
    );
  });

  it('refuses a bad vault name without echoing it', async () => {
    const message = await invalid('vault:delete', [`../${SECRET}`]);
    expect(message).toMatch(/^vault:delete: argument 1 \(name\): a vault name is 1–64 characters/);
    expect(message).not.toContain(SECRET);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    `https://user:${SECRET}@example.com/`,
    'mailto:someone@example.com',
  ])('refuses to open %s', async (url) => {
    const message = await invalid('shell:openExternal', [url]);
    expect(message).toMatch(/^shell:openExternal: argument 1 \(url\): /);
    expect(message).not.toContain(SECRET);
  });
});

describe('handler failures', () => {
  it('reports an expected error with its code and message', async () => {
    const { ipcMain } = setup(
      fakeHandlers({
        'vault:set': () => {
          throw new VaultUnavailableError('No keyring.');
        },
      }),
    );
    expect(await ipcMain.invoke('vault:set', ['device-key', new Uint8Array([1])])).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'No keyring.' },
    });
  });

  it('hides unexpected errors, and logs neither their message nor the arguments', async () => {
    const { ipcMain } = setup(
      fakeHandlers({
        'vault:get': () => Promise.reject(new TypeError(`boom ${SECRET}`)),
      }),
    );
    const result = await ipcMain.invoke('vault:get', ['secret-name']);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'vault:get failed unexpectedly.' },
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(error).toHaveBeenCalledWith('ipc: vault:get failed with TypeError');
    expect(logged()).not.toContain(SECRET);
    expect(logged()).not.toContain('secret-name');
  });

  it('never rejects, even when a handler throws a non-error', async () => {
    const { ipcMain } = setup(
      fakeHandlers({
        'app:info': () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- that is the case under test
          throw SECRET;
        },
      }),
    );
    await expect(ipcMain.invoke('app:info', [])).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(logged()).not.toContain(SECRET);
  });
});
