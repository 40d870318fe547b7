import { describe, expect, it } from 'vitest';
import { ok } from '../result.ts';
import { buildBridge } from './bridge.ts';
import { channelNames } from './channels.ts';
import type { SubscribeToEvent } from './events.ts';

const on: SubscribeToEvent = () => () => undefined;

describe('buildBridge', () => {
  it('exposes one function per channel, grouped by namespace, that invokes that channel', async () => {
    const calls: [string, unknown[]][] = [];
    const bridge = buildBridge((channel, args) => {
      calls.push([channel, args]);
      return Promise.resolve(ok(null));
    }, on);
    expect(Object.keys(bridge).sort()).toEqual(['app', 'notify', 'on', 'shell', 'vault']);
    expect(bridge.on).toBe(on);
    expect(Object.keys(bridge.vault).sort()).toEqual(['delete', 'get', 'set', 'status']);

    await bridge.vault.set('k', new Uint8Array([1]));
    await bridge.shell.openExternal('https://example.org');
    await bridge.app.info();
    expect(calls).toEqual([
      ['vault:set', ['k', new Uint8Array([1])]],
      ['shell:openExternal', ['https://example.org']],
      ['app:info', []],
    ]);
  });

  it('has exactly as many functions as there are channels', () => {
    const bridge = buildBridge(() => Promise.resolve(ok(null)), on);
    const groups = Object.entries(bridge).filter(([key]) => key !== 'on');
    const count = groups.reduce((n, [, group]) => n + Object.keys(group).length, 0);
    expect(count).toBe(channelNames.length);
  });
});
