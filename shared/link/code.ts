import { base64urlnopad } from '@scure/base';
import { concatBytes, equalBytes } from '../crypto/bytes.ts';
import { PUBLIC_KEY_BYTES } from '../crypto/ed25519.ts';
import { labelledHash } from '../crypto/hash.ts';
import { reader, writer } from '../codec/wire.ts';
import { describeHost, MAX_SIGNALING_URLS, parseSignalingUrl } from '../invite/signaling-url.ts';

/**
 * What a person's first device shows to link another (DESIGN §2): scanned or typed on the new
 * laptop, it lets that laptop ask to become a device of the same person. It carries no key
 * that reads anything: the person key and the groups' secrets come only in the answer, boxed
 * to the new device once the person approves it on the first one.
 */
export type LinkOffer = {
  version: 1;
  /** 16 random bytes; the request's key and topic are derived from them. */
  linkSecret: Uint8Array;
  /** The person key the new device will belong to (checked against the answer). */
  person: Uint8Array;
  /** Milliseconds since the epoch: an offer lasts minutes, not days. */
  expiresAt: number;
  /** 1–4 ws:// or wss:// signaling URLs, where the two devices meet. */
  signaling: string[];
};

export type LinkErrorReason =
  'empty' | 'not-a-link-code' | 'damaged' | 'unsupported-version' | 'bad-signaling-url' | 'expired';

const MESSAGES: Record<LinkErrorReason, string> = {
  empty: 'Paste the code your other device shows.',
  'not-a-link-code':
    'This is not a device link code. On your other device open Settings → Link a new device.',
  damaged: 'This code is incomplete or has a typo. Copy it again from your other device.',
  'unsupported-version':
    'This code was made by a newer version of Fellows. Update Fellows on this device first.',
  'bad-signaling-url': 'This code names a signaling server Fellows will not contact.',
  expired: 'This code has expired. Make a new one on your other device.',
};

/** A link code that cannot be used, with the reason and words for the person. */
export class LinkError extends Error {
  override readonly name = 'LinkError';
  constructor(readonly reason: LinkErrorReason) {
    super(MESSAGES[reason]);
  }
}

export const LINK_VERSION = 1;
export const LINK_SECRET_BYTES = 16;
/** How long an offer lasts: long enough to walk to the other laptop. */
export const LINK_OFFER_MS = 10 * 60_000;
const PREFIX = 'fellows://link/';
const CHECKSUM_LABEL = 'fellows/v1/link-checksum';
const CHECKSUM_BYTES = 4;
const MAX_INPUT = 2048;
const MAX_URL_BYTES = 512;

/** The offer as a `fellows://link/<code>` text (also what the QR code holds). */
export function encodeLinkOffer(offer: LinkOffer): string {
  const body = offerBody(offer);
  return PREFIX + base64urlnopad.encode(concatBytes(body, checksum(body)));
}

/**
 * Reads a link code someone pasted or scanned (with or without the `fellows://link/` prefix,
 * white space anywhere). Throws `LinkError` — and nothing else.
 */
export function decodeLinkOffer(input: unknown, now: number): LinkOffer {
  let offer: LinkOffer;
  try {
    offer = decodeText(input);
  } catch (error) {
    if (error instanceof LinkError) throw error;
    throw new LinkError('damaged');
  }
  if (now >= offer.expiresAt) throw new LinkError('expired');
  return offer;
}

/** The signaling hosts the new device will contact, shown before it does. */
export function linkHosts(offer: LinkOffer): string[] {
  return [
    ...new Set(
      offer.signaling.flatMap((url) => {
        const parsed = parseSignalingUrl(url);
        return parsed.ok ? [describeHost(parsed.url)] : [];
      }),
    ),
  ];
}

function decodeText(input: unknown): LinkOffer {
  if (typeof input !== 'string' || input.trim() === '') throw new LinkError('empty');
  if (input.length > MAX_INPUT) throw new LinkError('not-a-link-code');
  let text = input.replace(/\s+/gu, '');
  if (text.slice(0, PREFIX.length).toLowerCase() === PREFIX) text = text.slice(PREFIX.length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(text)) throw new LinkError('not-a-link-code');
  if (text.endsWith('/')) text = text.slice(0, -1);
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new LinkError('not-a-link-code');
  const bytes = base64urlnopad.decode(text);
  if (bytes.length <= CHECKSUM_BYTES + 1) throw new LinkError('not-a-link-code');
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  if (!equalBytes(checksum(body), bytes.subarray(body.length))) throw new LinkError('damaged');
  if (body[0] !== LINK_VERSION) {
    throw new LinkError((body[0] ?? 0) > LINK_VERSION ? 'unsupported-version' : 'damaged');
  }
  const r = reader(body);
  r.u8();
  const linkSecret = r.fixed(LINK_SECRET_BYTES).slice();
  const person = r.fixed(PUBLIC_KEY_BYTES).slice();
  const expiresAt = r.uint();
  const count = r.uint(MAX_SIGNALING_URLS);
  if (count === 0) throw new LinkError('bad-signaling-url');
  const signaling: string[] = [];
  for (let i = 0; i < count; i++) signaling.push(r.string(MAX_URL_BYTES));
  r.end();
  if (!signaling.every((url) => parseSignalingUrl(url).ok))
    throw new LinkError('bad-signaling-url');
  const offer: LinkOffer = { version: LINK_VERSION, linkSecret, person, expiresAt, signaling };
  if (!equalBytes(offerBody(offer), body)) throw new LinkError('damaged');
  return offer;
}

function offerBody(offer: LinkOffer): Uint8Array {
  const w = writer()
    .u8(LINK_VERSION)
    .fixed(offer.linkSecret)
    .fixed(offer.person)
    .uint(offer.expiresAt)
    .uint(offer.signaling.length);
  for (const url of offer.signaling) w.string(url);
  return w.finish();
}

function checksum(body: Uint8Array): Uint8Array {
  return labelledHash(CHECKSUM_LABEL, body).subarray(0, CHECKSUM_BYTES);
}
