import { type RawData, type WebSocket } from 'ws';
import { type TokenBucket } from './rate.ts';

/** One open WebSocket and everything the server keeps for it (all of it bounded). */
export type Conn = {
  readonly id: number;
  readonly address: string;
  readonly ws: WebSocket;
  /** Topics this connection holds, at most maxTopicsPerConnection. */
  readonly topics: Set<string>;
  readonly messages: TokenBucket;
  readonly bytes: TokenBucket;
  readonly strikes: TokenBucket;
  /** Answered the last ping, or sent something since. */
  alive: boolean;
  /** Being closed by the server: its frames are ignored and it holds no topics. */
  closed: boolean;
  topicless: NodeJS.Timeout | undefined;
};

/** How the server closes a connection: with a close frame and code, or by cutting it. */
export type Ending = { code: number; text: string } | 'terminate';

export const policy = (text: string): Ending => ({ code: 1008, text });

export function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

export function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
}
