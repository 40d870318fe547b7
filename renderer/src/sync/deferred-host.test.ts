import { describe, expect, it } from 'vitest';
import { deferredHost } from './deferred-host.ts';
import type { NetworkHost } from './network-host.ts';

/** A host that records its calls, standing in for the WebRTC one. */
function recordingHost(calls: string[]): NetworkHost {
  let next = 0;
  const host: Partial<NetworkHost> = {
    connect: (target) => {
      calls.push(`connect ${target.group}`);
      return ++next;
    },
    broadcast: (id) => {
      calls.push(`broadcast ${String(id)}`);
    },
    subscribe: (_urls, topic) => {
      calls.push(`subscribe ${topic}`);
      return ++next;
    },
    publish: (_urls, topic) => {
      calls.push(`publish ${topic}`);
    },
  };
  return host as NetworkHost;
}

const target = (group: string) =>
  ({ group, epoch: 0 }) as unknown as Parameters<NetworkHost['connect']>[0];
const linkHost = {} as Parameters<NetworkHost['connect']>[1];

describe('deferredHost', () => {
  it('holds the calls made before the host loads, then makes them in order', async () => {
    const calls: string[] = [];
    let load: (host: NetworkHost) => void = () => undefined;
    const host = deferredHost(new Promise((resolve) => (load = resolve)));
    const first = host.connect(target('a'), linkHost);
    const sent = host.broadcast(1, []);
    const subscribed = host.subscribe([], 'topic', () => undefined);
    await Promise.resolve();
    expect(calls).toEqual([]);
    load(recordingHost(calls));
    expect(await first).toBe(1);
    await sent;
    expect(await subscribed).toBe(2);
    expect(calls).toEqual(['connect a', 'broadcast 1', 'subscribe topic']);
    // Once loaded, straight through.
    await host.publish([], 'later', new Uint8Array());
    expect(calls.at(-1)).toBe('publish later');
  });

  it('fails every call as the load failed', async () => {
    const host = deferredHost(Promise.reject(new Error('chunk missing')));
    await expect(host.connect(target('a'), linkHost)).rejects.toThrow('chunk missing');
    await expect(host.publish([], 't', new Uint8Array())).rejects.toThrow('chunk missing');
  });
});
