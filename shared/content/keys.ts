/**
 * Map keys of the content doc. Every key a device writes starts with its own Yjs clientID and
 * a colon: that prefix is what lets a peer decide, from the key alone, whose entry it is.
 * Numbers are canonical decimals (no sign, no leading zeros) so one message has one id.
 */

/** The largest Yjs clientID: Yjs clientIDs are unsigned 32-bit integers. */
export const MAX_CLIENT_ID = 0xffffffff;

/** Longest reaction emoji, in code points: enough for flags and ZWJ family sequences. */
export const MAX_EMOJI_CODE_POINTS = 16;

/** A message's id: the author's clientID and the author's per-device counter. */
export type MessageIdParts = { client: number; n: number };

/** The parts of a reaction key: who reacts, to which message, with which emoji. */
export type ReactionKeyParts = { reactor: number; messageId: string; emoji: string };

const DECIMAL = '(0|[1-9][0-9]{0,15})';
// The emoji is whatever follows the third colon; the first three fields are digits only, so
// the split is unambiguous even if an emoji sequence were to contain a colon.
const REACTION_KEY = new RegExp(`^${DECIMAL}:(${DECIMAL}:${DECIMAL}):(.+)$`, 'su');

// White space, control characters, lone surrogates and bidi overrides can make one reaction look
// like another or break a line in the UI. ZWJ, variation selectors and tag characters stay:
// emoji sequences need them.
const FORBIDDEN_IN_EMOJI = /[\p{White_Space}\p{Cc}\p{Cs}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** True for an integer Yjs can use as a clientID. */
export function isClientId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_CLIENT_ID;
}

/** The id of message `n` written by `client`. */
export function messageId(client: number, n: number): string {
  return `${client}:${n}`;
}

/** Splits a message id into author clientID and counter; null if it is not canonical. */
export function parseMessageId(id: string): MessageIdParts | null {
  // By hand, not with a regular expression: every message read parses its id (a search index
  // over 100k messages spent a seventh of its time here). keys.test.ts holds it to the pattern.
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const client = canonicalDecimal(id, 0, colon);
  const n = canonicalDecimal(id, colon + 1, id.length);
  if (client < 0 || n < 0 || !isClientId(client) || !Number.isSafeInteger(n)) return null;
  return { client, n };
}

/**
 * The number written in `text` from `start` to `end` as a canonical decimal (ASCII digits, no
 * leading zero, at most 16 digits), or -1 if it is not one.
 */
function canonicalDecimal(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 1 || length > 16) return -1;
  if (length > 1 && text.charCodeAt(start) === 48) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The key under which `reactor` records its reaction `emoji` to a message. */
export function reactionKey(reactor: number, id: string, emoji: string): string {
  return `${reactor}:${id}:${emoji}`;
}

/** Splits a reaction key; null if any part is malformed (including the emoji). */
export function parseReactionKey(key: string): ReactionKeyParts | null {
  const match = REACTION_KEY.exec(key);
  if (match === null) return null;
  const reactor = Number(match[1]);
  const id = match[2] ?? '';
  const emoji = match[5] ?? '';
  if (!isClientId(reactor) || parseMessageId(id) === null || !isValidEmoji(emoji)) return null;
  return { reactor, messageId: id, emoji };
}

/** True for 1–16 code points with no white space, control or direction characters. */
export function isValidEmoji(emoji: string): boolean {
  const codePoints = Array.from(emoji).length;
  return codePoints >= 1 && codePoints <= MAX_EMOJI_CODE_POINTS && !FORBIDDEN_IN_EMOJI.test(emoji);
}

/** True when `key` belongs to `client`: it starts with the client's id and a colon. */
export function isOwnKey(key: string, client: number): boolean {
  return key.startsWith(`${client}:`);
}
