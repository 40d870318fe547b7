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

async function server(): Promise<SignalServer> {
  const started = await createSignalServer({ host: '127.0.0.1', port: 0, log: () => undefined });
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
    // A fake socket we control: the first attempt fails (server down), the next one opens.
    const made: FakeSocket[] = [];
    class FakeSocket {
      static readonly OPEN = 1;
      readyState = 0;
      sent: string[] = [];
      onopen: (() => void) | null = null;
      onclose: (() => void) | null = null;
      onmessage: ((event: { data: unknown }) => void) | null = null;
      constructor(readonly url: string) {
        made.push(this);
      }
      send(frame: string) {
        this.sent.push(frame);
      }
      close() {
        this.readyState = 3;
        this.onclose?.();
      }
    }
    const real = globalThis.WebSocket;
    (globalThis as { WebSocket?: unknown }).WebSocket = FakeSocket;
    const bo = signalPubSub();
    try {
      bo.publish(['ws://signal.test'], 'join:abc', new Uint8Array([7]));
      made[0]!.close(); // the server is down: the attempt fails
      await waitFor(() => made.length === 2, 'a reconnect attempt');
      const second = made[1]!;
      expect(second.sent).toEqual([]);
      second.readyState = FakeSocket.OPEN;
      second.onopen?.();
      expect(second.sent.map((f) => JSON.parse(f) as unknown)).toEqual([
        { type: 'publish', topic: 'join:abc', data: 'Bw' },
      ]);
    } finally {
      bo.close();
      (globalThis as { WebSocket?: unknown }).WebSocket = real;
    }
  });
});
