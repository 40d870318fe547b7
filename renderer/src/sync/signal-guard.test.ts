import { base64 } from '@scure/base';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { guardRoom, guardSignalingConn } from './signal-guard.ts';

/** A y-webrtc signaling envelope: AES-GCM over lib0's `writeAny`, as y-webrtc's crypto.js writes it. */
async function envelope(key: CryptoKey, message: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const body = encoding.createEncoder();
  encoding.writeAny(body, message as Parameters<typeof encoding.writeAny>[1]);
  const plain = encoding.toUint8Array(body);
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'AES-GCM');
  encoding.writeVarUint8Array(encoder, iv);
  encoding.writeVarUint8Array(encoder, cipher);
  return base64.encode(encoding.toUint8Array(encoder));
}

const newKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

/** A stand-in for y-webrtc's SignalingConn: lib0's observer map with one message observer. */
function conn() {
  const seen: unknown[] = [];
  const observers = new Map([['message', new Set([(m: unknown) => seen.push(m)])]]);
  return {
    seen,
    internals: { _observers: observers },
    deliver: (m: unknown) => {
      for (const f of observers.get('message') ?? []) f(m);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the signaling guard in front of y-webrtc', () => {
  it('passes a fresh sealed publish once, and drops its replay, garbage and forgeries', async () => {
    const key = await newKey();
    const forget = guardRoom('fellows-room', Promise.resolve(key));
    const c = conn();
    guardSignalingConn(c.internals);
    const good = await envelope(key, { type: 'announce', from: 'peer-a' });
    const forged = await envelope(await newKey(), { type: 'announce', from: 'mallory' });
    c.deliver({ type: 'publish', topic: 'fellows-room', data: good });
    c.deliver({ type: 'publish', topic: 'fellows-room', data: good }); // replayed
    c.deliver({ type: 'publish', topic: 'fellows-room', data: forged }); // another key
    c.deliver({ type: 'publish', topic: 'fellows-room', data: '%%% not base64' });
    c.deliver({ type: 'publish', topic: 'fellows-room', data: base64.encode(new Uint8Array(9)) });
    c.deliver({ type: 'publish', topic: 'fellows-room', data: { type: 'announce' } }); // plaintext
    c.deliver({ type: 'publish', topic: 'fellows-room', data: 'A'.repeat(70_000) });
    c.deliver(null);
    await settle();
    expect(c.seen).toEqual([{ type: 'publish', topic: 'fellows-room', data: good }]);
    forget();
  });

  it('leaves other rooms and other frame types to y-webrtc, in order', async () => {
    const c = conn();
    guardSignalingConn(c.internals);
    guardSignalingConn(c.internals); // twice is once
    c.deliver({ type: 'pong' });
    c.deliver({ type: 'publish', topic: 'someone-elses-room', data: 'x' });
    await settle();
    expect(c.seen).toEqual([
      { type: 'pong' },
      { type: 'publish', topic: 'someone-elses-room', data: 'x' },
    ]);
  });

  it('keeps going when y-webrtc throws on a message', async () => {
    const key = await newKey();
    const forget = guardRoom('room-2', Promise.resolve(key));
    const seen: string[] = [];
    const observers = new Map([
      [
        'message',
        new Set([
          (m: unknown) => {
            const data = (m as { data: string }).data;
            seen.push(data);
            if (seen.length === 1) throw new Error('y-webrtc failed');
          },
        ]),
      ],
    ]);
    guardSignalingConn({ _observers: observers });
    const first = await envelope(key, { n: 1 });
    const second = await envelope(key, { n: 2 });
    for (const data of [first, second])
      for (const f of observers.get('message') ?? []) f({ type: 'publish', topic: 'room-2', data });
    await settle();
    expect(seen).toEqual([first, second]);
    forget();
  });

  it('tells the room who announced, before y-webrtc hears it, and only for what it admits', async () => {
    const key = await newKey();
    const order: string[] = [];
    const forget = guardRoom('room-3', Promise.resolve(key), (from) => order.push(`hook ${from}`));
    const observers = new Map([
      ['message', new Set([(m: unknown) => order.push(`y-webrtc ${(m as { n: number }).n}`)])],
    ]);
    guardSignalingConn({ _observers: observers });
    const deliver = (n: number, data: unknown) => {
      for (const f of observers.get('message') ?? [])
        f({ type: 'publish', topic: 'room-3', data, n });
    };
    const announce = await envelope(key, { type: 'announce', from: 'peer-a' });
    deliver(1, announce);
    deliver(2, announce); // a replay: dropped, no hook
    deliver(3, await envelope(key, { type: 'signal', from: 'peer-b', to: 'me', signal: {} }));
    deliver(4, await envelope(await newKey(), { type: 'announce', from: 'mallory' }));
    deliver(5, await envelope(key, { type: 'announce', from: 42 }));
    deliver(6, await envelope(key, 'announce'));
    await settle();
    expect(order).toEqual(['hook peer-a', 'y-webrtc 1', 'y-webrtc 3', 'y-webrtc 5', 'y-webrtc 6']);
    forget();
  });

  it('a hook that throws stops nothing', async () => {
    const key = await newKey();
    const forget = guardRoom('room-4', Promise.resolve(key), () => {
      throw new Error('healing failed');
    });
    const c = conn();
    guardSignalingConn(c.internals);
    const first = await envelope(key, { type: 'announce', from: 'peer-a' });
    const second = await envelope(key, { type: 'announce', from: 'peer-b' });
    c.deliver({ type: 'publish', topic: 'room-4', data: first });
    c.deliver({ type: 'publish', topic: 'room-4', data: second });
    await settle();
    expect(c.seen).toHaveLength(2);
    forget();
  });
});
