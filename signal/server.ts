import { createServer, type IncomingMessage, STATUS_CODES } from 'node:http';
import { type AddressInfo, isIP } from 'node:net';
import { type Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { Hub, type SignalStats } from './hub.ts';
import { checkLimits, defaultConfig, defaultLimits, type SignalLimits } from './limits.ts';
import { type LogSink, RejectLog } from './log.ts';

export type { SignalStats } from './hub.ts';

export type SignalServerOptions = {
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** Default 4444; 0 picks a free port (tests). */
  port?: number;
  /** Read the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  limits?: Partial<SignalLimits>;
  /** Where rejection lines go; default console.warn. */
  log?: LogSink;
};

export type SignalServer = {
  readonly host: string;
  readonly port: number;
  /** `ws://host:port`, for clients. */
  readonly url: string;
  stats(): SignalStats;
  /** Closes every connection (1001), stops listening; resolves when all is released. */
  close(): Promise<void>;
};

/** Limits that do not hold together (e.g. a byte burst smaller than the largest message). */
export class SignalConfigError extends Error {
  override name = 'SignalConfigError';
}

/** How long a client may take to send its HTTP upgrade request. */
const handshakeTimeoutMs = 10_000;

/** How long close() lets clients answer the 1001 close frame before cutting them. */
const closeGraceMs = 1000;

function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address: the socket's, or behind a trusted proxy the last X-Forwarded-For
 * entry (the one the proxy itself appended; earlier entries are whatever the client claimed).
 */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const direct = normalizeAddress(request.socket.remoteAddress ?? 'unknown');
  if (!trustProxy) return direct;
  const header = request.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.at(-1) : header;
  const last = normalizeAddress(value?.split(',').at(-1)?.trim() ?? '');
  return isIP(last) === 0 ? direct : last;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n` +
      `Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Starts a signaling server speaking y-webrtc's protocol, hardened against hostile clients. */
export async function createSignalServer(options: SignalServerOptions = {}): Promise<SignalServer> {
  const limits: SignalLimits = { ...defaultLimits, ...options.limits };
  const bad = checkLimits(limits);
  if (bad !== undefined) throw new SignalConfigError(bad);
  const trustProxy = options.trustProxy ?? defaultConfig.trustProxy;
  const log = new RejectLog(
    options.log ??
      ((line) => {
        console.warn(line);
      }),
    limits.logLinesPerSecond,
    limits.logBurst,
  );
  const hub = new Hub(limits, log);
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: limits.maxPayloadBytes,
    perMessageDeflate: false, // no decompression bombs; signaling frames are small anyway
  });
  const http = createServer({ connectionsCheckingInterval: 2000 }, (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('Fellows signaling server\n');
  });
  // A WebSocket handshake is one small request: a client that dribbles it is not honest.
  http.headersTimeout = handshakeTimeoutMs;
  http.requestTimeout = handshakeTimeoutMs;
  // Raw sockets, handshakes included; the WebSocket caps below are the real ones.
  http.maxConnections = 2 * limits.maxConnections;
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {
      // A reset during the handshake is the client's business; ws adds its own handler after.
    });
    const address = clientAddress(request, trustProxy);
    const refusal = hub.refusal(address);
    if (refusal !== undefined) {
      hub.refused(address, refusal);
      refuseUpgrade(socket, refusal.status, refusal.reason);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      hub.accept(ws, address);
    });
  });

  const host = options.host ?? defaultConfig.host;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? defaultConfig.port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (error) => {
    console.error(`signal: server error ${error.name}`);
  });
  const sweep = setInterval(() => {
    hub.sweep();
  }, limits.pingIntervalMs);
  sweep.unref();

  const port = (http.address() as AddressInfo).port;
  const urlHost = isIP(host) === 6 ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  const close = async (): Promise<void> => {
    clearInterval(sweep);
    hub.shutdown();
    const deadline = Date.now() + closeGraceMs;
    while (hub.stats().connections > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    hub.terminateAll();
    await new Promise<void>((resolve) => {
      http.close(() => {
        resolve();
      });
      http.closeAllConnections();
    });
    wss.close();
    log.flush();
  };

  return {
    host,
    port,
    url: `ws://${urlHost}:${port}`,
    stats: () => hub.stats(),
    close: () => (closing ??= close()),
  };
}
