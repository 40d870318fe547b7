import { afterEach, describe, expect, it } from 'vitest';
import { type ClientOptions } from 'ws';
import { defaultLimits } from './limits.ts';
import {
  expectEmpty,
  openRawClient,
  startServer,
  type Started,
  TestClient,
  waitFor,
} from './testing.ts';

// Hostile clients against a real server on loopback. Every test ends by checking that the
// server still serves an honest client and, once everyone has left, holds nothing.

let started: Started | undefined;
const clients: TestClient[] = [];

async function setup(options: Parameters<typeof startServer>[0] = {}) {
  started = await startServer(options);
  return started;
}

async function client(options?: ClientOptions): Promise<TestClient> {
  const c = await TestClient.open(started!.server.url, options);
  clients.push(c);
  return c;
}

/** An honest client still gets its pong, and the server is empty once everyone leaves. */
async function stillServesThenEmpties(): Promise<void> {
  const honest = await client();
  await honest.roundTrip();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await expectEmpty(started!.server);
}

function reasons(lines: readonly string[]): string[] {
  return lines.map((l) => /reason=([a-z-]+)/.exec(l)?.[1] ?? l);
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await started?.server.close();
  started = undefined;
});

describe('signaling server against hostile clients', () => {
  it('drops non-JSON, binary and malformed frames with a reason, never logging them', async () => {
    const { server, lines } = await setup();
    const [a, b] = [await client(), await client()];
    b.send({ type: 'subscribe', topics: ['secret-room'] });
    await b.roundTrip();

    const bad: [string | Buffer, string][] = [
      ['{"type":"publish","topic":"secret-room", oops', 'not-json'],
      [Buffer.from('{"type":"ping"}'), 'binary-frame'],
      ['[1,2,3]', 'not-object'],
      ['null', 'not-object'],
      ['"secret-payload"', 'not-object'],
      ['{"type":5}', 'bad-type'],
      ['{"topics":["secret-room"]}', 'bad-type'],
      ['{"type":"hello"}', 'unknown-type'],
      ['{"type":"subscribe","topics":"secret-room"}', 'topics-not-array'],
      ['{"type":"subscribe"}', 'topics-not-array'],
      ['{"type":"subscribe","topics":["ok",7]}', 'topic-not-string'],
      ['{"type":"unsubscribe","topics":[{"a":1}]}', 'topic-not-string'],
      ['{"type":"subscribe","topics":[""]}', 'topic-empty'],
      [`{"type":"subscribe","topics":["${'x'.repeat(257)}"]}`, 'topic-too-long'],
      ['{"type":"publish","data":"secret-payload"}', 'topic-not-string'],
      ['{"type":"publish","topic":["secret-room"]}', 'topic-not-string'],
    ];
    for (const [frame] of bad) a.sendRaw(frame);
    await a.roundTrip();
    expect(reasons(lines)).toEqual(bad.map(([, reason]) => reason));
    for (const line of lines) {
      expect(line).toMatch(
        /^\S+Z signal reject reason=[a-z-]+ addr=127\.0\.0\.1 conn=1 action=drop$/,
      );
    }
    expect(server.stats().rejected).toMatchObject({ 'not-object': 3, 'topic-not-string': 4 });

    // Deep nesting would overflow JSON.stringify; the server never re-serialises, so it relays.
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    a.sendRaw(`{"type":"publish","topic":"secret-room","data":${deep}}`);
    a.sendRaw('{"type":"publish","topic":"secret-room","__proto__":{"polluted":true}}');
    const got = await b.waitForPublish('secret-room', 2);
    expect(got[1]).toMatchObject({ clients: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(server.stats().subscriptions).toBe(1);
    expect(a.closedWith).toBeUndefined();
    await stillServesThenEmpties();
  });

  it('closes a connection that sends a frame over maxPayloadBytes with 1009', async () => {
    const { server, lines } = await setup({ limits: { maxPayloadBytes: 1024 } });
    const a = await client();
    a.send({ type: 'subscribe', topics: ['room'] });
    await a.roundTrip();
    a.sendRaw(`{"type":"publish","topic":"room","data":"${'x'.repeat(2000)}"}`);
    expect((await a.waitClosed()).code).toBe(1009);
    expect(lines.at(-1)).toMatch(
      /reason=frame-too-large addr=127\.0\.0\.1 conn=1 code=WS_ERR_UNSUPPORTED_MESSAGE_LENGTH/,
    );
    await waitFor(() => server.stats().topics === 0, 'the topic to be freed');
    await stillServesThenEmpties();
  });

  it('rate limits a flood of 10,000 messages, then closes the flooder with 1008', async () => {
    const { server, lines } = await setup();
    const [flooder, listener] = [await client(), await client()];
    listener.send({ type: 'subscribe', topics: ['room'] });
    await listener.roundTrip();

    const frame = JSON.stringify({ type: 'publish', topic: 'room', data: 'x'.repeat(40) });
    for (let i = 0; i < 10_000; i += 1) flooder.sendRaw(frame);
    const closed = await flooder.waitClosed();
    expect(closed).toEqual({ code: 1008, reason: 'policy violation' });

    const stats = server.stats();
    expect(stats.rejected['rate-messages']).toBeGreaterThanOrEqual(defaultLimits.maxStrikes);
    expect(stats.rejected.abuse).toBe(1);
    // Only the burst (plus what refilled meanwhile) went through; the rest cost nothing.
    await listener.roundTrip();
    const relayed = listener.published('room').length;
    expect(relayed).toBeGreaterThanOrEqual(defaultLimits.messageBurst);
    expect(relayed).toBeLessThan(defaultLimits.messageBurst + 2000); // of 10,000 sent
    expect(stats).toMatchObject({ topics: 1, subscriptions: 1 });
    // The log is bounded too: one line per rejection up to the log burst, then a count.
    expect(lines.length).toBeLessThanOrEqual(defaultLimits.logBurst + 2);
    expect(lines.at(-1)).toMatch(/reason=abuse .*action=close:1008/);
    await stillServesThenEmpties();
  });

  it('rate limits bytes as well as messages', async () => {
    const { server } = await setup({
      limits: { maxPayloadBytes: 2048, byteBurst: 4096, bytesPerSecond: 1 },
    });
    const a = await client();
    const big = JSON.stringify({ type: 'publish', topic: 'room', data: 'x'.repeat(1900) });
    for (let i = 0; i < 3; i += 1) a.sendRaw(big);
    await a.roundTrip();
    expect(server.stats().rejected['rate-bytes']).toBe(1);
    await stillServesThenEmpties();
  });

  it('caps topics per connection (5,000 asked, 64 held) and in total', async () => {
    const { server, lines } = await setup({
      limits: { maxStrikes: 1000, maxTopics: 100, logBurst: 1000 },
    });
    const [a, b] = [await client(), await client()];
    const topics = Array.from({ length: 5000 }, (_, i) => `topic-${i}`);
    a.send({ type: 'subscribe', topics });
    await a.roundTrip();
    expect(server.stats().topics).toBe(0);
    expect(reasons(lines)).toEqual(['too-many-topics-in-frame']);

    for (let i = 0; i < topics.length; i += 50) {
      a.send({ type: 'subscribe', topics: topics.slice(i, i + 50) });
    }
    await a.roundTrip();
    expect(server.stats()).toMatchObject({ topics: 64, subscriptions: 64 });
    expect(lines.at(-1)).toMatch(/reason=connection-topic-limit .*count=50 action=drop$/);

    b.send({ type: 'subscribe', topics: topics.slice(4000, 4064) });
    await b.roundTrip();
    expect(server.stats()).toMatchObject({ topics: 100, subscriptions: 100 });
    expect(lines.at(-1)).toMatch(/reason=server-topic-limit addr=127\.0\.0\.1 conn=2 count=28$/);
    for (const line of lines) expect(line).not.toMatch(/topic-\d/);

    await a.close();
    await waitFor(() => server.stats().topics === 36, 'A to release its 64 topics');
    await stillServesThenEmpties();
  });

  it('caps connections per address, and ignores X-Forwarded-For unless told to trust it', async () => {
    const { server, lines } = await setup({ limits: { maxConnectionsPerAddress: 2 } });
    const spoof = (ip: string): ClientOptions => ({ headers: { 'X-Forwarded-For': ip } });
    await client(spoof('10.0.0.1'));
    const second = await client(spoof('10.0.0.2'));
    await expect(TestClient.open(server.url, spoof('10.0.0.3'))).rejects.toThrow(/429/);
    expect(lines.at(-1)).toMatch(/reason=address-full addr=127\.0\.0\.1 action=http:429$/);

    await second.close();
    await waitFor(() => server.stats().connections === 1, 'the slot to be freed');
    await client();
    expect(server.stats()).toMatchObject({ connections: 2, addresses: 1 });
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await expectEmpty(server);
  });

  it('behind a trusted proxy, caps per forwarded address and in total', async () => {
    const { server, lines } = await setup({
      trustProxy: true,
      limits: { maxConnectionsPerAddress: 2, maxConnections: 3 },
    });
    const from = (xff: string): ClientOptions => ({ headers: { 'X-Forwarded-For': xff } });
    await client(from('10.0.0.1'));
    await client(from('192.0.2.9, 10.0.0.1')); // the proxy appended the last entry
    await expect(TestClient.open(server.url, from('10.0.0.1'))).rejects.toThrow(/429/);
    expect(lines.at(-1)).toMatch(/reason=address-full addr=10\.0\.0\.1 action=http:429$/);
    await client(from('10.0.0.2'));
    await expect(TestClient.open(server.url, from('10.0.0.3'))).rejects.toThrow(/503/);
    expect(lines.at(-1)).toMatch(/reason=server-full addr=10\.0\.0\.3 action=http:503$/);
    expect(server.stats()).toMatchObject({ connections: 3, addresses: 2 });
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await expectEmpty(server);
  });

  it('closes a connection that never subscribes, or unsubscribes from everything', async () => {
    const { server, lines } = await setup({ limits: { subscribeTimeoutMs: 200 } });
    const idle = await client();
    const leaver = await client();
    leaver.send({ type: 'subscribe', topics: ['room'] });
    leaver.send({ type: 'unsubscribe', topics: ['room'] });
    expect(await idle.waitClosed()).toEqual({ code: 1008, reason: 'no subscription' });
    expect(await leaver.waitClosed()).toEqual({ code: 1008, reason: 'no subscription' });
    expect(reasons(lines)).toEqual(['no-subscription', 'no-subscription']);
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await expectEmpty(server);
  });

  it('drops a connection that does not answer pings', async () => {
    const { server, lines } = await setup({ limits: { pingIntervalMs: 200 } });
    const deaf = await client({ autoPong: false });
    deaf.send({ type: 'subscribe', topics: ['room'] });
    expect((await deaf.waitClosed()).code).toBe(1006);
    expect(lines.at(-1)).toMatch(/reason=no-pong addr=127\.0\.0\.1 conn=1 action=terminate$/);
    await expectEmpty(server);
  });

  it('drops a subscriber that stops reading instead of buffering for it', async () => {
    const { server, lines } = await setup({
      limits: {
        maxBufferedBytes: 1024 * 1024,
        messageBurst: 1000,
        byteBurst: 256 * 1024 * 1024,
        bytesPerSecond: 1024 * 1024,
      },
    });
    const reader = await openRawClient(server.port);
    reader.sendText('{"type":"subscribe","topics":["room"]}');
    await waitFor(() => server.stats().subscriptions === 1, 'the raw client to subscribe');

    const publisher = await client();
    const big = JSON.stringify({ type: 'publish', topic: 'room', data: 'x'.repeat(200_000) });
    for (let i = 0; i < 300 && server.stats().rejected['slow-consumer'] === undefined; i += 1) {
      publisher.sendRaw(big);
      if (i % 10 === 9) await publisher.roundTrip();
    }
    await waitFor(() => server.stats().rejected['slow-consumer'] === 1, 'the slow consumer');
    expect(lines.at(-1)).toMatch(/reason=slow-consumer addr=127\.0\.0\.1 conn=1 action=terminate$/);
    reader.destroy();
    await stillServesThenEmpties();
  });
});
