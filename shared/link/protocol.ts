import { base64urlnopad } from '@scure/base';
import nacl from 'tweetnacl';
import { concatBytes, equalBytes } from '../crypto/bytes.ts';
import {
  PUBLIC_KEY_BYTES,
  SEED_BYTES,
  SIGNATURE_BYTES,
  type Ed25519,
  type Signer,
} from '../crypto/ed25519.ts';
import { derive, labelledHash } from '../crypto/hash.ts';
import { reader, writer, type Writer, type Reader } from '../codec/wire.ts';
import {
  decodeDeviceCertificate,
  decodeSignedName,
  encodeDeviceCertificate,
  encodeSignedName,
  verifyDeviceCertificate,
  verifySignedName,
  type BoxKeyPair,
  type DeviceCertificate,
  type SignedName,
} from '../identity/keys.ts';
import { MAX_SIGNALING_URLS } from '../invite/signaling-url.ts';
import type { LinkOffer } from './code.ts';

/** A new device asking to become one of the person's devices: its two public keys. */
export type LinkRequest = {
  device: Uint8Array;
  box: Uint8Array;
  requestedAt: number;
  nonce: Uint8Array;
};

/** One group the new device is let into: what it needs to open it as a member. */
export type LinkedGroup = {
  genesis: Uint8Array;
  signaling: string[];
  /** The epoch secrets the group's history policy gives a new device. */
  secrets: { epoch: number; secret: Uint8Array }[];
  /** The membership keys of epochs the person may not read ("from join": before they joined). */
  membershipKeys: { epoch: number; key: Uint8Array }[];
};

/**
 * What the first device hands the new one (boxed to its box key): the person key, so both
 * devices are the person in full (see docs/architecture.md), the person's certificate of the
 * new device, the person's signed name, and every group it was admitted to.
 */
export type LinkPackage = {
  personSeed: Uint8Array;
  name: SignedName;
  certificate: DeviceCertificate;
  groups: LinkedGroup[];
};

export type LinkAnswer =
  | { kind: 'linked'; device: Uint8Array; package: LinkPackage }
  | { kind: 'declined'; device: Uint8Array };

const KEY_LABEL = 'fellows/v1/link-key';
const TOPIC_LABEL = 'fellows/v1/link-topic';
const REQUEST_LABEL = 'fellows/v1/link-request';
const CHECK_LABEL = 'fellows/v1/link-check';
/** Version 2 added each group's membership keys. */
const VERSION = 2;
const NONCE = nacl.secretbox.nonceLength;
const REQUEST_NONCE_BYTES = 16;
/** Largest request opened (real ones are ~170 bytes); checked before anything else. */
export const MAX_LINK_REQUEST_BYTES = 1024;
/**
 * Largest answer: it crosses the signaling server's pub/sub as base64 in JSON, and the
 * server takes frames up to 256 KiB. About a hundred groups fit.
 */
export const MAX_LINK_ANSWER_BYTES = 160 * 1024;
const MAX_GENESIS_BYTES = 8192;
const MAX_GROUPS = 512;
const MAX_EPOCHS = 1024;
const MAX_URL_BYTES = 512;

/** The link's secretbox key and pub/sub topic, both derived from the offer's secret. */
export function linkKeys(offer: Pick<LinkOffer, 'linkSecret'>): { key: Uint8Array; topic: string } {
  const topic = derive(offer.linkSecret, TOPIC_LABEL, new Uint8Array(0), 16);
  return {
    key: derive(offer.linkSecret, KEY_LABEL, new Uint8Array(0), nacl.secretbox.keyLength),
    topic: base64urlnopad.encode(topic),
  };
}

/**
 * Six digits both screens show for one request, so the person can tell it is their new
 * laptop asking and not someone who glimpsed the code: they depend on the offer's secret and
 * the new device's keys.
 */
export function linkCheckCode(offer: Pick<LinkOffer, 'linkSecret'>, request: LinkRequest): string {
  const digest = labelledHash(CHECK_LABEL, offer.linkSecret, request.device, request.box);
  const value = ((digest[0] ?? 0) << 16) | ((digest[1] ?? 0) << 8) | (digest[2] ?? 0);
  const digits = String(value % 1_000_000).padStart(6, '0');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

function requestContents(request: LinkRequest): Uint8Array {
  return writer()
    .u8(VERSION)
    .fixed(request.device)
    .fixed(request.box)
    .uint(request.requestedAt)
    .fixed(request.nonce)
    .finish();
}

/** `nonce 24 ‖ secretbox(plain, link key)`: how every link message travels. */
function sealWithLink(
  plain: Uint8Array,
  offer: Pick<LinkOffer, 'linkSecret'>,
  random: (length: number) => Uint8Array,
): Uint8Array {
  const nonce = random(NONCE);
  return concatBytes(nonce, nacl.secretbox(plain, nonce, linkKeys(offer).key));
}

/** The plaintext of a link message, or null for anything not sealed with this link's key. */
function openWithLink(
  bytes: unknown,
  offer: Pick<LinkOffer, 'linkSecret'>,
  maxBytes: number,
): Uint8Array | null {
  if (!(bytes instanceof Uint8Array) || bytes.length > maxBytes) return null;
  if (bytes.length < NONCE + nacl.secretbox.overheadLength) return null;
  return nacl.secretbox.open(bytes.subarray(NONCE), bytes.subarray(0, NONCE), linkKeys(offer).key);
}

/** The new device's request, signed by its key and sealed with the link key. */
export async function sealLinkRequest(args: {
  offer: Pick<LinkOffer, 'linkSecret'>;
  device: Signer;
  box: Uint8Array;
  now: number;
  random: (length: number) => Uint8Array;
}): Promise<{ sealed: Uint8Array; request: LinkRequest }> {
  const request: LinkRequest = {
    device: args.device.publicKey,
    box: args.box,
    requestedAt: args.now,
    nonce: args.random(REQUEST_NONCE_BYTES),
  };
  const contents = requestContents(request);
  const signature = await args.device.sign(concatBytes(signedLabel(), contents));
  return {
    sealed: sealWithLink(concatBytes(contents, signature), args.offer, args.random),
    request,
  };
}

/** Opens a request on the link topic; null for anything that is not a good one. Never throws. */
export async function openLinkRequest(
  bytes: unknown,
  offer: Pick<LinkOffer, 'linkSecret'>,
  ed: Ed25519,
): Promise<LinkRequest | null> {
  try {
    const plain = openWithLink(bytes, offer, MAX_LINK_REQUEST_BYTES);
    if (!plain || plain.length < SIGNATURE_BYTES) return null;
    const contents = plain.subarray(0, plain.length - SIGNATURE_BYTES);
    const r = reader(contents);
    if (r.u8() !== VERSION) return null;
    const request: LinkRequest = {
      device: r.fixed(PUBLIC_KEY_BYTES).slice(),
      box: r.fixed(PUBLIC_KEY_BYTES).slice(),
      requestedAt: r.uint(),
      nonce: r.fixed(REQUEST_NONCE_BYTES).slice(),
    };
    r.end();
    if (!equalBytes(requestContents(request), contents)) return null;
    const signed = concatBytes(signedLabel(), contents);
    const ok = await ed.verify(request.device, signed, plain.subarray(contents.length));
    return ok ? request : null;
  } catch {
    return null;
  }
}

function signedLabel(): Uint8Array {
  return writer().string(REQUEST_LABEL).finish();
}

function encodePackage(p: LinkPackage): Uint8Array {
  const w = writer()
    .fixed(p.personSeed)
    .bytes(encodeSignedName(p.name))
    .bytes(encodeDeviceCertificate(p.certificate));
  return writeGroups(w, p.groups).finish();
}

function writeGroups(w: Writer, groups: readonly LinkedGroup[]): Writer {
  w.uint(groups.length);
  for (const group of groups) {
    w.bytes(group.genesis).uint(group.signaling.length);
    for (const url of group.signaling) w.string(url);
    w.uint(group.secrets.length);
    for (const { epoch, secret } of group.secrets) w.uint(epoch).fixed(secret);
    w.uint(group.membershipKeys.length);
    for (const { epoch, key } of group.membershipKeys) w.uint(epoch).fixed(key);
  }
  return w;
}

function readGroups(r: Reader): LinkedGroup[] {
  const count = r.uint(MAX_GROUPS);
  const groups: LinkedGroup[] = [];
  for (let i = 0; i < count; i++) {
    const genesis = r.bytes(MAX_GENESIS_BYTES).slice();
    const urls = r.uint(MAX_SIGNALING_URLS);
    const signaling: string[] = [];
    for (let j = 0; j < urls; j++) signaling.push(r.string(MAX_URL_BYTES));
    const epochs = r.uint(MAX_EPOCHS);
    const secrets: LinkedGroup['secrets'] = [];
    for (let j = 0; j < epochs; j++) secrets.push({ epoch: r.uint(), secret: r.fixed(32).slice() });
    const membershipKeys: LinkedGroup['membershipKeys'] = [];
    for (let j = r.uint(MAX_EPOCHS); j > 0; j--)
      membershipKeys.push({ epoch: r.uint(), key: r.fixed(32).slice() });
    groups.push({ genesis, signaling, secrets, membershipKeys });
  }
  return groups;
}

/** Groups handed over but not opened yet, kept (sealed) until the new device opens them. */
export function encodeLinkedGroups(groups: readonly LinkedGroup[]): Uint8Array {
  return writeGroups(writer().u8(VERSION), groups).finish();
}

/** @throws DecodeError on bytes that are not `encodeLinkedGroups` output. */
export function decodeLinkedGroups(bytes: Uint8Array): LinkedGroup[] {
  const r = reader(bytes);
  r.u8();
  const groups = readGroups(r);
  r.end();
  return groups;
}

function decodePackage(bytes: Uint8Array): LinkPackage {
  const r = reader(bytes);
  const personSeed = r.fixed(SEED_BYTES).slice();
  const name = decodeSignedName(r.bytes(2048).slice());
  const certificate = decodeDeviceCertificate(r.bytes(256).slice());
  const groups = readGroups(r);
  r.end();
  return { personSeed, name, certificate, groups };
}

/**
 * The first device's answer, sealed with the link key; a package is also boxed (nacl.box)
 * to the new device's box key, so only the device that asked can read it.
 * @throws RangeError when the package is too large to cross the signaling server.
 */
export function sealLinkAnswer(args: {
  answer: LinkAnswer;
  offer: Pick<LinkOffer, 'linkSecret'>;
  to: Uint8Array;
  from: BoxKeyPair;
  random: (length: number) => Uint8Array;
}): Uint8Array {
  const { answer } = args;
  const w = writer().u8(VERSION).fixed(answer.device);
  if (answer.kind === 'declined') w.u8(0);
  else {
    const nonce = args.random(nacl.box.nonceLength);
    const boxed = nacl.box(encodePackage(answer.package), nonce, args.to, args.from.secretKey);
    w.u8(1).fixed(args.from.publicKey).fixed(nonce).bytes(boxed);
  }
  const sealed = sealWithLink(w.finish(), args.offer, args.random);
  if (sealed.length > MAX_LINK_ANSWER_BYTES) {
    throw new RangeError('Too many groups to hand over at once');
  }
  return sealed;
}

/**
 * Opens an answer addressed to this device and checks it: the person key must be the one
 * the offer named, and the certificate must be that person's, for exactly this device.
 * Null for anything else (another device's answer, a forgery, damage). Never throws.
 */
export async function openLinkAnswer(
  bytes: unknown,
  offer: LinkOffer,
  me: { device: Uint8Array; box: BoxKeyPair },
  ed: Ed25519,
): Promise<LinkAnswer | null> {
  try {
    const plain = openWithLink(bytes, offer, MAX_LINK_ANSWER_BYTES);
    if (!plain) return null;
    const r = reader(plain);
    if (r.u8() !== VERSION) return null;
    const device = r.fixed(PUBLIC_KEY_BYTES).slice();
    if (!equalBytes(device, me.device)) return null;
    const kind = r.u8();
    if (kind === 0) {
      r.end();
      return { kind: 'declined', device };
    }
    if (kind !== 1) return null;
    const from = r.fixed(PUBLIC_KEY_BYTES);
    const nonce = r.fixed(nacl.box.nonceLength);
    const boxed = r.bytes(MAX_LINK_ANSWER_BYTES);
    r.end();
    const opened = nacl.box.open(boxed, nonce, from, me.box.secretKey);
    if (!opened) return null;
    const pkg = decodePackage(opened);
    const person = await ed.signerFromSeed(pkg.personSeed);
    const { certificate, name } = pkg;
    const checks =
      equalBytes(person.publicKey, offer.person) &&
      equalBytes(certificate.person, offer.person) &&
      equalBytes(certificate.device, me.device) &&
      equalBytes(certificate.box, me.box.publicKey) &&
      equalBytes(name.person, offer.person) &&
      (await verifyDeviceCertificate(ed, certificate)) &&
      (await verifySignedName(ed, name));
    return checks ? { kind: 'linked', device, package: pkg } : null;
  } catch {
    // Decoders throw DecodeError on hostile bytes: still just a bad answer, never a crash.
    return null;
  }
}
