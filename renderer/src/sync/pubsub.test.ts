import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createSignalServer, type SignalServer } from '../../../signal/server.ts';
import { signalPubSub } from './pubsub.ts';

beforeAll(() => {
  // Node 20 has no global WebSocket; the browser's and ws's speak the same API for this.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
});

async function waitFor(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function server(port = 0): Promise<SignalServer> {
  const started = await createSignalServer({ host: '127.0.0.1', port, log: () => undefined });
  closers.push(() => started.close());
  return started;
}

describe('admission pub/sub over the signaling server', () => {
  it('delivers a publish to subscribers of its topic only', async () => {
    const s = await server();
    const url = `ws://127.0.0.1:${s.port}`;
    const ada = signalPubSub();
    const bo = signalPubSub();
    closers.push(() => {
      ada.close();
      bo.close();
    });
    const got: number[][] = [];
    const other: number[][] = [];
    ada.subscribe([url], 'join:abc', (bytes) => got.push([...bytes]));
    ada.subscribe([url], 'join:other', (bytes) => other.push([...bytes]));
    await waitFor(() => s.stats().subscriptions === 2, 'subscriptions');
    bo.publish([url], 'join:abc', new Uint8Array([1, 2, 3]));
    await waitFor(() => got.length === 1, 'delivery');
    expect(got).toEqual([[1, 2, 3]]);
    expect(other).toEqual([]);
  });

  it('keeps a publish made while the server is down and sends it once it is back', async () => {
    const first = await server();
    const port = first.port;
    const url = `ws://127.0.0.1:${port}`;
    const ada = signalPubSub();
    const bo = signalPubSub();
    closers.push(() => {
      ada.close();
      bo.close();
    });
    const got: number[][] = [];
    ada.subscribe([url], 'join:abc', (bytes) => got.push([...bytes]));
    bo.publish([url], 'join:warmup', new Uint8Array([0]));
    await waitFor(() => first.stats().connections === 2, 'both connected');
    await first.close();
    // Bo asks while the server is away: the request must not be lost.
    bo.publish([url], 'join:abc', new Uint8Array([7]));
    const second = await server(port);
    await waitFor(() => got.length === 1, 'the kept publish, after the restart');
    expect(got).toEqual([[7]]);
    expect(second.stats().connections).toBe(2);
  });
});
