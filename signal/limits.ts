import { parseArgs } from 'node:util';

/** Every bound the signaling server enforces. All of them are flags and env variables too. */
export type SignalLimits = {
  /** Largest WebSocket message accepted, in bytes; a bigger one closes the connection (1009). */
  maxPayloadBytes: number;
  /** Open connections, in total. */
  maxConnections: number;
  /** Open connections from one remote address (co-op members often share one). */
  maxConnectionsPerAddress: number;
  /** Distinct topics held by the whole server. */
  maxTopics: number;
  /** Topics one connection may be subscribed to (also the longest `topics` array accepted). */
  maxTopicsPerConnection: number;
  /** Longest topic string, in UTF-16 code units. */
  maxTopicLength: number;
  /**
   * Messages per second one connection may send, sustained ... (a device joining rooms where
   * many peers answer at once sends an answer and several ICE candidates to each of them).
   */
  messagesPerSecond: number;
  /** ... and in a burst. */
  messageBurst: number;
  /** Bytes per second one connection may send, sustained ... */
  bytesPerSecond: number;
  /** ... and in a burst (at least `maxPayloadBytes`). */
  byteBurst: number;
  /** Rejected messages one connection may accumulate before it is closed with 1008 ... */
  maxStrikes: number;
  /** ... forgiven at this rate per second. */
  strikeDecayPerSecond: number;
  /** Bytes waiting to be sent to one connection before it is dropped as a slow consumer. */
  maxBufferedBytes: number;
  /** How often each connection is pinged; one that has not answered by the next ping is dropped. */
  pingIntervalMs: number;
  /** How long a connection may hold no topic (never subscribed, or unsubscribed from all). */
  subscribeTimeoutMs: number;
  /** Rejection log lines per second, sustained (the rest are counted and summarised) ... */
  logLinesPerSecond: number;
  /** ... and in a burst. */
  logBurst: number;
};

/** Where to listen, and the limits. */
export type SignalConfig = {
  host: string;
  port: number;
  /** Take the client address from the last X-Forwarded-For entry (behind a reverse proxy). */
  trustProxy: boolean;
  limits: SignalLimits;
};

const KiB = 1024;
const MiB = 1024 * KiB;

export const defaultLimits: Readonly<SignalLimits> = Object.freeze({
  maxPayloadBytes: 256 * KiB,
  maxConnections: 10_000,
  maxConnectionsPerAddress: 64,
  maxTopics: 100_000,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  messagesPerSecond: 100,
  messageBurst: 1000,
  bytesPerSecond: 512 * KiB,
  byteBurst: 4 * MiB,
  maxStrikes: 50,
  strikeDecayPerSecond: 1,
  maxBufferedBytes: 4 * MiB,
  pingIntervalMs: 30_000,
  subscribeTimeoutMs: 30_000,
  logLinesPerSecond: 10,
  logBurst: 100,
});

export const defaultConfig: Readonly<Omit<SignalConfig, 'limits'>> = Object.freeze({
  host: '127.0.0.1',
  port: 4444,
  trustProxy: false,
});

/** Limits that are rates and may be fractional; every other limit is a whole number. */
const fractional = new Set<keyof SignalLimits>([
  'messagesPerSecond',
  'bytesPerSecond',
  'strikeDecayPerSecond',
  'logLinesPerSecond',
]);

const limitKeys = Object.keys(defaultLimits) as (keyof SignalLimits)[];

/** `maxPayloadBytes` → `max-payload-bytes`. */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `maxPayloadBytes` → `FELLOWS_SIGNAL_MAX_PAYLOAD_BYTES`. */
export function envName(key: string): string {
  return `FELLOWS_SIGNAL_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

export type ConfigResult = { ok: true; value: SignalConfig } | { ok: false; error: string };

function parseNumber(raw: string, whole: boolean, min: number): number | undefined {
  if (!/^\s*[0-9]+(\.[0-9]+)?\s*$/.test(raw)) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > Number.MAX_SAFE_INTEGER) return undefined;
  if (whole && !Number.isInteger(n)) return undefined;
  return n;
}

/** Checks limits built in code (tests, embedders) the same way flags are checked. */
export function checkLimits(limits: SignalLimits): string | undefined {
  for (const key of limitKeys) {
    const n = limits[key];
    if (!Number.isFinite(n) || n <= 0) return `${key} must be a positive number`;
    if (!fractional.has(key) && !Number.isInteger(n)) return `${key} must be a whole number`;
  }
  if (limits.byteBurst < limits.maxPayloadBytes) {
    return 'byteBurst must be at least maxPayloadBytes, or the largest message could never pass';
  }
  return undefined;
}

/**
 * Reads the configuration from command-line flags, then env variables, then defaults
 * (a flag wins over the env). Unknown flags and bad values are errors, not ignored.
 */
export function configFromArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    host: { type: 'string' },
    port: { type: 'string' },
    'trust-proxy': { type: 'boolean' },
  };
  for (const key of limitKeys) options[flagName(key)] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const pick = (key: string): string | undefined => {
    const flag = values[flagName(key)];
    return typeof flag === 'string' ? flag : env[envName(key)];
  };

  const host = pick('host') ?? defaultConfig.host;
  if (host.trim() === '') return { ok: false, error: 'host must not be empty' };
  const rawPort = pick('port');
  const port = rawPort === undefined ? defaultConfig.port : parseNumber(rawPort, true, 0);
  if (port === undefined || port > 65535) {
    return { ok: false, error: `port must be a whole number from 0 to 65535, not "${rawPort}"` };
  }
  const rawTrust = values['trust-proxy'] === true ? 'true' : env[envName('trustProxy')];
  const trustProxy = rawTrust !== undefined && /^(1|true|yes)$/i.test(rawTrust.trim());

  const limits: SignalLimits = { ...defaultLimits };
  for (const key of limitKeys) {
    const raw = pick(key);
    if (raw === undefined) continue;
    const n = parseNumber(raw, !fractional.has(key), Number.MIN_VALUE);
    if (n === undefined) {
      return { ok: false, error: `--${flagName(key)} must be a positive number, not "${raw}"` };
    }
    limits[key] = n;
  }
  const bad = checkLimits(limits);
  if (bad !== undefined) return { ok: false, error: bad };
  return { ok: true, value: { host, port, trustProxy, limits } };
}

/** The `--help` text: every flag with its env variable and default. */
export function usage(): string {
  const rows: [string, string, string][] = [
    ['--host', envName('host'), defaultConfig.host],
    ['--port', envName('port'), String(defaultConfig.port)],
    ['--trust-proxy', envName('trustProxy'), 'off'],
    ...limitKeys.map((k): [string, string, string] => [
      `--${flagName(k)}`,
      envName(k),
      String(defaultLimits[k]),
    ]),
  ];
  const width = Math.max(...rows.map(([f]) => f.length));
  const envWidth = Math.max(...rows.map(([, e]) => e.length));
  return [
    'Usage: npm run signal -- [flags]   (a flag wins over its env variable)',
    '',
    ...rows.map(([f, e, d]) => `  ${f.padEnd(width)}  ${e.padEnd(envWidth)}  default ${d}`),
  ].join('\n');
}
