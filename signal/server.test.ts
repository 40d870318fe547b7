import { afterEach, describe, expect, it } from 'vitest';
import { createSignalServer, SignalConfigError } from './server.ts';
import { expectEmpty, startServer, type Started, TestClient } from './testing.ts';

let started: Started | undefined;
const clients: TestClient[] = [];

async function setup(options: Parameters<typeof startServer>[0] = {}) {
  started = await startServer(options);
  return started;
}

async function client(): Promise<TestClient> {
  const c = await TestClient.open(started!.server.url);
  clients.push(c);
  return c;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await started?.server.close();
  started = undefined;
});

describe('signaling protocol (y-webrtc compatible)', () => {
  it('answers {type:"ping"} with {type:"pong"}', async () => {
    await setup();
    const a = await client();
    await a.roundTrip();
    expect(a.texts).toEqual(['{"type":"pong"}']);
  });

  it('relays a publish verbatim to every subscriber of the topic, sender included, with clients', async () => {
    const { server } = await setup();
    const [a, b] = [await client(), await client()];
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1', 'room-1'] });
    await a.roundTrip();
    await b.roundTrip();
    expect(server.stats()).toMatchObject({ topics: 1, subscriptions: 2, connections: 2 });

    const sent = '{"type":"publish","topic":"room-1","data":{"type":"announce","from":"a"} }';
    a.sendRaw(sent);
    const [atB] = await b.waitForPublish('room-1', 1);
    expect(atB).toEqual({
      type: 'publish',
      topic: 'room-1',
      data: { type: 'announce', from: 'a' },
      clients: 2,
    });
    // Byte for byte what A sent, with the count appended (as y-webrtc's server adds it).
    expect(b.texts.at(-1)).toBe(`${sent.slice(0, -1)},"clients":2}`);
    // y-webrtc's server echoes to the sender too; its client ignores its own `from`.
    expect(await a.waitForPublish('room-1', 1)).toEqual([atB]);
  });

  it('relays to subscribers of that topic only; a non-subscriber may publish', async () => {
    await setup();
    const [a, b, c] = [await client(), await client(), await client()];
    b.send({ type: 'subscribe', topics: ['room-1', 'room-2'] });
    c.send({ type: 'subscribe', topics: ['room-2'] });
    await b.roundTrip();
    await c.roundTrip();

    a.send({ type: 'publish', topic: 'room-1', data: 'only for room 1' });
    a.send({ type: 'publish', topic: 'room-2', data: 'marker' });
    await b.waitForPublish('room-2', 1);
    await c.waitForPublish('room-2', 1);
    // The server handles A's frames in order, so anything for C on room-1 came before the marker.
    expect(c.frames.filter((f) => f.type === 'publish')).toEqual([
      { type: 'publish', topic: 'room-2', data: 'marker', clients: 2 },
    ]);
    expect(b.published('room-1').map((f) => f.data)).toEqual(['only for room 1']);
    await a.roundTrip();
    expect(a.texts).toEqual(['{"type":"pong"}']);
  });

  it('stops relaying after unsubscribe and frees the topic', async () => {
    const { server } = await setup();
    const [a, b] = [await client(), await client()];
    b.send({ type: 'subscribe', topics: ['room-1', 'room-2'] });
    await b.roundTrip();
    a.send({ type: 'publish', topic: 'room-1', data: 'before' });
    await b.waitForPublish('room-1', 1);

    b.send({ type: 'unsubscribe', topics: ['room-1', 'never-subscribed'] });
    await b.roundTrip();
    expect(server.stats()).toMatchObject({ topics: 1, subscriptions: 1 });
    a.send({ type: 'publish', topic: 'room-1', data: 'after' });
    a.send({ type: 'publish', topic: 'room-2', data: 'marker' });
    await b.waitForPublish('room-2', 1);
    expect(b.published('room-1').map((f) => f.data)).toEqual(['before']);

    b.send({ type: 'unsubscribe', topics: ['room-2'] });
    await b.roundTrip();
    expect(server.stats()).toMatchObject({ topics: 0, subscriptions: 0, connections: 2 });
  });

  it('holds nothing once every client has left', async () => {
    const { server } = await setup();
    const cs = await Promise.all([client(), client(), client()]);
    cs.forEach((c, i) => {
      c.send({ type: 'subscribe', topics: ['shared', `own-${i}`] });
    });
    await Promise.all(cs.map((c) => c.roundTrip()));
    expect(server.stats()).toMatchObject({ connections: 3, addresses: 1, topics: 4 });
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await expectEmpty(server);
  });

  it('answers plain HTTP requests (for health checks)', async () => {
    const { server } = await setup();
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/signaling/);
  });

  it('closes open connections with 1001 on close()', async () => {
    const { server } = await setup();
    const a = await client();
    a.send({ type: 'subscribe', topics: ['room-1'] });
    await a.roundTrip();
    await server.close();
    expect(await a.waitClosed()).toMatchObject({ code: 1001 });
    expect(server.stats()).toMatchObject({ connections: 0, topics: 0 });
  });

  it('refuses limits that do not hold together', async () => {
    await expect(
      createSignalServer({ port: 0, limits: { maxPayloadBytes: 2048, byteBurst: 1024 } }),
    ).rejects.toBeInstanceOf(SignalConfigError);
    await expect(createSignalServer({ port: 0, limits: { maxTopics: 0 } })).rejects.toBeInstanceOf(
      SignalConfigError,
    );
  });
});
