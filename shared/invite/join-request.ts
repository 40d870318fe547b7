import { base64urlnopad } from '@scure/base';
import nacl from 'tweetnacl';
import { concatBytes, equalBytes } from '../crypto/bytes.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type Ed25519, type Signer } from '../crypto/ed25519.ts';
import { derive } from '../crypto/hash.ts';
import { reader, writer } from '../codec/wire.ts';
import {
  decodeDeviceCertificate,
  decodeSignedName,
  encodeDeviceCertificate,
  encodeSignedName,
  verifyDeviceCertificate,
  verifySignedName,
  type DeviceCertificate,
  type SignedName,
} from '../identity/keys.ts';
import type { Invite } from './code.ts';
import { GROUP_ID_BYTES } from './invite-fields.ts';

/**
 * What a joiner asks (DESIGN §3): to be let into a group as this person, with this device.
 * The nonce makes every request unique, so a member can tell a repeat from a new request.
 */
export type JoinRequest = {
  groupId: Uint8Array;
  name: SignedName;
  certificate: DeviceCertificate;
  requestedAt: number;
  nonce: Uint8Array;
};

export type JoinRejectReason =
  | 'oversized'
  | 'malformed'
  | 'bad-mac'
  | 'wrong-group'
  | 'bad-certificate'
  | 'bad-name'
  | 'bad-signature'
  | 'device-mismatch';

export type JoinRequestResult =
  { ok: true; request: JoinRequest } | { ok: false; reason: JoinRejectReason; message: string };

/** Largest sealed request a member opens; real ones are under 1.6 KB. Checked first. */
export const MAX_JOIN_REQUEST_BYTES = 4096;

const KEY_LABEL = 'fellows/v1/join-key';
const TOPIC_LABEL = 'fellows/v1/join-topic';
const SIGNATURE_LABEL = 'fellows/v1/join-request';
const REQUEST_VERSION = 1;
const REQUEST_NONCE_BYTES = 16;
const TOPIC_BYTES = 16;
const BOX_NONCE_BYTES = nacl.secretbox.nonceLength;
const BOX_OVERHEAD = nacl.secretbox.overheadLength;
// Generous bounds for the nested records; their own decoders hold the real limits.
const MAX_NAME_FIELD = 2048;
const MAX_CERTIFICATE_FIELD = 256;

const MESSAGES: Record<JoinRejectReason, string> = {
  oversized: 'The join request is larger than any real one.',
  malformed: 'The join request is damaged or is not a join request.',
  'bad-mac': 'The join request was not made with this invite, or was changed on the way.',
  'wrong-group': 'The join request is for a different group.',
  'bad-certificate': 'The joiner’s device is not certified by the person it names.',
  'bad-name': 'The joiner’s name is not signed by the person asking to join.',
  'bad-signature': 'The join request is not signed by the device that sent it.',
  'device-mismatch': 'The join request was signed by a device its person did not certify.',
};

/**
 * The secretbox key for join requests and the signaling topic they are published on, both
 * derived from the invite secret and bound to the group. The topic is a hash output, so the
 * signaling server learns neither the group id nor the secret from it.
 */
export function joinKeys(invite: Pick<Invite, 'groupId' | 'inviteSecret'>): {
  key: Uint8Array;
  topic: string;
} {
  const topic = derive(invite.inviteSecret, TOPIC_LABEL, invite.groupId, TOPIC_BYTES);
  return { key: joinKey(invite), topic: base64urlnopad.encode(topic) };
}

function joinKey(invite: Pick<Invite, 'groupId' | 'inviteSecret'>): Uint8Array {
  return derive(invite.inviteSecret, KEY_LABEL, invite.groupId, nacl.secretbox.keyLength);
}

/**
 * Signs a join request with the device's key and seals it with the invite's join key:
 * `nonce(24) ‖ secretbox(contents ‖ device key ‖ signature)`. It trusts its caller; the
 * member's `openJoinRequest` checks everything.
 */
export async function sealJoinRequest(args: {
  invite: Pick<Invite, 'groupId' | 'inviteSecret'>;
  name: SignedName;
  certificate: DeviceCertificate;
  deviceSigner: Signer;
  now: number;
  random: (length: number) => Uint8Array;
}): Promise<Uint8Array> {
  const { invite, deviceSigner } = args;
  const contents = encodeContents({
    groupId: invite.groupId,
    name: args.name,
    certificate: args.certificate,
    requestedAt: args.now,
    nonce: randomBytes(args.random, REQUEST_NONCE_BYTES),
  });
  const signature = await deviceSigner.sign(signedMessage(contents));
  const plaintext = concatBytes(contents, deviceSigner.publicKey, signature);
  const nonce = randomBytes(args.random, BOX_NONCE_BYTES);
  return concatBytes(nonce, nacl.secretbox(plaintext, nonce, joinKey(invite)));
}

/**
 * Opens and checks a join request that arrived on the invite's topic: size, then MAC, then
 * decoding, then signatures (DESIGN §5: nothing is decoded before it is authenticated).
 * Never throws: every failure is a result with a reason and a message.
 */
export async function openJoinRequest(
  bytes: unknown,
  invite: Pick<Invite, 'groupId' | 'inviteSecret'>,
  ed: Ed25519,
): Promise<JoinRequestResult> {
  try {
    return await open(bytes, invite, ed);
  } catch {
    // Decoders throw DecodeError on hostile bytes; whatever else escapes is still a bad
    // request from a peer, never a reason to crash the member who received it.
    return reject('malformed');
  }
}

async function open(
  bytes: unknown,
  invite: Pick<Invite, 'groupId' | 'inviteSecret'>,
  ed: Ed25519,
): Promise<JoinRequestResult> {
  if (!(bytes instanceof Uint8Array)) return reject('malformed');
  if (bytes.length > MAX_JOIN_REQUEST_BYTES) return reject('oversized');
  if (bytes.length < BOX_NONCE_BYTES + BOX_OVERHEAD) return reject('malformed');
  const plaintext = nacl.secretbox.open(
    bytes.subarray(BOX_NONCE_BYTES),
    bytes.subarray(0, BOX_NONCE_BYTES),
    joinKey(invite),
  );
  if (!plaintext) return reject('bad-mac');
  const trailer = PUBLIC_KEY_BYTES + SIGNATURE_BYTES;
  if (plaintext.length < trailer) return reject('malformed');
  const contents = plaintext.subarray(0, plaintext.length - trailer);
  const signer = plaintext.subarray(contents.length, contents.length + PUBLIC_KEY_BYTES);
  const signature = plaintext.subarray(contents.length + PUBLIC_KEY_BYTES);
  const request = decodeContents(contents);
  if (!request) return reject('malformed');

  if (!equalBytes(request.groupId, invite.groupId)) return reject('wrong-group');
  const { certificate, name } = request;
  if (!equalBytes(signer, certificate.device)) return reject('device-mismatch');
  if (!(await verifyDeviceCertificate(ed, certificate))) return reject('bad-certificate');
  if (!equalBytes(name.person, certificate.person) || !(await verifySignedName(ed, name))) {
    return reject('bad-name');
  }
  if (!(await ed.verify(signer, signedMessage(contents), signature))) {
    return reject('bad-signature');
  }
  return { ok: true, request };
}

function encodeContents(request: JoinRequest): Uint8Array {
  return writer()
    .u8(REQUEST_VERSION)
    .fixed(request.groupId)
    .bytes(encodeSignedName(request.name))
    .bytes(encodeDeviceCertificate(request.certificate))
    .uint(request.requestedAt)
    .fixed(request.nonce)
    .finish();
}

/** The request, or null when the bytes are not one (throws only DecodeError). */
function decodeContents(contents: Uint8Array): JoinRequest | null {
  const r = reader(contents);
  // u8() past the end yields undefined, which is not the version either.
  if (r.u8() !== REQUEST_VERSION) return null;
  const request: JoinRequest = {
    groupId: r.fixed(GROUP_ID_BYTES).slice(),
    name: decodeSignedName(r.bytes(MAX_NAME_FIELD).slice()),
    certificate: decodeDeviceCertificate(r.bytes(MAX_CERTIFICATE_FIELD).slice()),
    requestedAt: r.uint(),
    nonce: r.fixed(REQUEST_NONCE_BYTES).slice(),
  };
  r.end();
  // What the device signed is exactly what a member would re-encode and pass on.
  return equalBytes(encodeContents(request), contents) ? request : null;
}

function signedMessage(contents: Uint8Array): Uint8Array {
  return writer().string(SIGNATURE_LABEL).fixed(contents).finish();
}

function randomBytes(random: (length: number) => Uint8Array, length: number): Uint8Array {
  const bytes = random(length);
  // A broken random source is a programming error, never something to send.
  if (bytes.length !== length) throw new RangeError(`random(${length}) gave ${bytes.length} bytes`);
  return bytes;
}

function reject(reason: JoinRejectReason): JoinRequestResult {
  return { ok: false, reason, message: MESSAGES[reason] };
}
