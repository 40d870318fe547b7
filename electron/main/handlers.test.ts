import { describe, expect, it, vi } from 'vitest';
import { appInfoSchema } from '../../shared/ipc/contract.ts';
import { RefusedArgumentError } from './errors.ts';
import { appInfo, createHandlers, type HandlerDeps } from './handlers.ts';
import type { Vault } from './vault.ts';

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  const vault: Vault = {
    get: vi.fn(() => Promise.resolve(new Uint8Array([1]))),
    set: vi.fn(() => Promise.resolve()),
    delete: vi.fn(() => Promise.resolve()),
    status: vi.fn(() =>
      Promise.resolve({
        available: true,
        backend: 'dpapi',
        protectedAtRest: true,
        explanation: '',
      }),
    ),
  };
  return {
    app: { getName: () => 'Fellows', getVersion: () => '0.1.0' },
    platform: 'linux',
    versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0', openssl: '3.0' },
    vault,
    openExternal: vi.fn(() => Promise.resolve()),
    recycleRenderer: vi.fn(),
    notify: vi.fn(() => true),
    setUnread: vi.fn(),
    ...overrides,
  };
}

describe('appInfo', () => {
  it('matches the contract and passes on only the runtime versions', () => {
    const info = appInfo(deps());
    expect(appInfoSchema.parse(info)).toEqual({
      name: 'Fellows',
      version: '0.1.0',
      platform: 'linux',
      host: 'electron',
      versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' },
    });
  });

  it('maps platforms Electron does not name to linux', () => {
    expect(appInfo(deps({ platform: 'darwin' })).platform).toBe('darwin');
    expect(appInfo(deps({ platform: 'win32' })).platform).toBe('win32');
    expect(appInfo(deps({ platform: 'freebsd' })).platform).toBe('linux');
  });
});

describe('createHandlers', () => {
  it('passes vault calls through and answers writes with null', async () => {
    const d = deps();
    const handlers = createHandlers(d);
    const value = new Uint8Array([5]);
    expect(await handlers['vault:set']('device-key', value)).toBeNull();
    expect(d.vault.set).toHaveBeenCalledWith('device-key', value);
    expect(await handlers['vault:get']('device-key')).toEqual(new Uint8Array([1]));
    expect(await handlers['vault:delete']('device-key')).toBeNull();
    expect(d.vault.delete).toHaveBeenCalledWith('device-key');
    expect(await handlers['vault:status']()).toMatchObject({ backend: 'dpapi' });
  });

  it('opens checked web links in the browser', async () => {
    const d = deps();
    expect(await createHandlers(d)['shell:openExternal']('HTTPS://Example.COM')).toBeNull();
    expect(d.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('re-checks links itself and refuses what the schema would have let through', async () => {
    const d = deps();
    await expect(
      createHandlers(d)['shell:openExternal']('javascript:alert(1)'),
    ).rejects.toBeInstanceOf(RefusedArgumentError);
    expect(d.openExternal).not.toHaveBeenCalled();
  });
});

describe('app:recycle', () => {
  it('answers first, then replaces the renderer', async () => {
    vi.useFakeTimers();
    try {
      const d = deps();
      const result = await createHandlers(d)['app:recycle']();
      expect(result).toBeNull();
      expect(d.recycleRenderer).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(d.recycleRenderer).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
