/** Test helpers: a server on a free loopback port, real WebSocket clients, waiting on conditions. */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { WebSocket, type ClientOptions } from 'ws';
import { createSignalServer, type SignalServer, type SignalServerOptions } from './server.ts';

export type Started = { server: SignalServer; lines: string[] };

/** A server on 127.0.0.1 and a free port, logging into `lines`. */
export async function startServer(options: SignalServerOptions = {}): Promise<Started> {
  const lines: string[] = [];
  const server = await createSignalServer({
    host: '127.0.0.1',
    port: 0,
    log: (line) => lines.push(line),
    ...options,
  });
  return { server, lines };
}

/** Polls `condition` until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the server holds nothing: no connection, address, topic or subscription. */
export async function expectEmpty(server: SignalServer): Promise<void> {
  await waitFor(() => {
    const s = server.stats();
    return s.connections === 0 && s.addresses === 0 && s.topics === 0 && s.subscriptions === 0;
  }, 'the server to hold nothing');
}

export type Frame = Record<string, unknown>;
export type Closed = { code: number; reason: string };

/** A real `ws` client that records every frame it receives. */
export class TestClient {
  /** Raw text of every frame received, in order. */
  readonly texts: string[] = [];
  closedWith: Closed | undefined;
  #pongs = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      this.texts.push(text);
      if (text === '{"type":"pong"}') this.#pongs += 1;
    });
    ws.on('close', (code, reason) => {
      this.closedWith = { code, reason: reason.toString('utf8') };
    });
    ws.on('error', () => {
      // Recorded through close; a refused or cut connection is what some tests want.
    });
  }

  /** Opens a client; rejects with the server's HTTP refusal (e.g. "Unexpected server response: 429"). */
  static async open(url: string, options: ClientOptions = {}): Promise<TestClient> {
    const ws = new WebSocket(url, options);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => {
        resolve();
      });
      ws.once('error', reject);
    });
    return new TestClient(ws);
  }

  /** Frames received, parsed. */
  get frames(): Frame[] {
    return this.texts.map((t) => JSON.parse(t) as Frame);
  }

  /** Publishes received on `topic`. */
  published(topic: string): Frame[] {
    return this.frames.filter((f) => f.type === 'publish' && f.topic === topic);
  }

  send(value: unknown): void {
    this.ws.send(JSON.stringify(value));
  }

  /** Sends exactly these bytes, as a text frame (string) or a binary frame (Buffer). */
  sendRaw(data: string | Buffer): void {
    this.ws.send(data, { binary: typeof data !== 'string' });
  }

  /** Ping → pong: once it returns, the server has handled everything sent before. */
  async roundTrip(): Promise<void> {
    const before = this.#pongs;
    this.send({ type: 'ping' });
    await waitFor(() => this.#pongs > before || this.closedWith !== undefined, 'a pong');
    if (this.#pongs === before)
      throw new Error(`closed instead: ${JSON.stringify(this.closedWith)}`);
  }

  async waitForPublish(topic: string, count: number): Promise<Frame[]> {
    await waitFor(() => this.published(topic).length >= count, `${count} publishes`);
    return this.published(topic);
  }

  async waitClosed(): Promise<Closed> {
    await waitFor(() => this.closedWith !== undefined, 'the connection to close');
    return this.closedWith!; // eslint-disable-line @typescript-eslint/no-non-null-assertion
  }

  async close(): Promise<void> {
    if (this.closedWith === undefined) this.ws.close();
    await this.waitClosed();
  }
}

/** A text frame as a client must send it (masked), for payloads under 126 bytes. */
function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  if (payload.length >= 126) throw new Error('maskedTextFrame: keep it short');
  const mask = randomBytes(4);
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x81;
  frame[1] = 0x80 | payload.length;
  mask.copy(frame, 2);
  for (let i = 0; i < payload.length; i += 1) {
    frame[6 + i] = payload[i]! ^ mask[i % 4]!; // eslint-disable-line @typescript-eslint/no-non-null-assertion
  }
  return frame;
}

/** A hand-made WebSocket client over a raw socket, so a test can stop reading on purpose. */
export async function openRawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.on('error', () => {
    // The server cutting this client is the point of the test.
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve) => {
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause();
      resolve();
    };
    socket.on('data', onData);
  });
  return {
    sendText: (text: string) => socket.write(maskedTextFrame(text)),
    destroy: () => socket.destroy(),
  };
}
