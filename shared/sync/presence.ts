import nacl from 'tweetnacl';
import { DecodeError, reader, writer } from '../codec/wire.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type Ed25519, type Signer } from '../crypto/ed25519.ts';

/**
 * What a device says about itself on y-webrtc's awareness (DESIGN §6): that it is here, whether
 * its person is typing, and how far they have read. Awareness is broadcast to everyone in the
 * room and kept by y-webrtc in plain JSON, so the state is signed by the device and sealed with
 * the epoch's content key: the signaling server and anyone without the key see opaque bytes.
 */
export type Presence = {
  device: Uint8Array;
  /** The device's wall clock when it sealed: a receiver ignores older states. */
  at: number;
  typing: boolean;
  /** The last message this person has read, or '' for none. */
  readUpTo: string;
};

const LABEL = 'fellows/v1/presence';
const VERSION = 1;
const NONCE_BYTES = nacl.secretbox.nonceLength;
/** A message id is short; anything longer is not a presence we wrote. */
const MAX_MESSAGE_ID = 128;
export const MAX_PRESENCE_BYTES = 512;

function body(group: Uint8Array, p: Presence): Uint8Array {
  return writer()
    .string(LABEL)
    .fixed(group)
    .fixed(p.device)
    .uint(p.at)
    .u8(p.typing ? 1 : 0)
    .string(p.readUpTo)
    .finish();
}

/** Signs and seals this device's presence for one group's room. */
export async function sealPresence(
  device: Signer,
  group: Uint8Array,
  contentKey: Uint8Array,
  state: Omit<Presence, 'device'>,
  random: (length: number) => Uint8Array,
): Promise<Uint8Array> {
  if (state.readUpTo.length > MAX_MESSAGE_ID) throw new RangeError('message id too long');
  const presence = { ...state, device: device.publicKey };
  const signature = await device.sign(body(group, presence));
  const plain = writer()
    .u8(VERSION)
    .fixed(presence.device)
    .uint(presence.at)
    .u8(presence.typing ? 1 : 0)
    .string(presence.readUpTo)
    .fixed(signature)
    .finish();
  const nonce = random(NONCE_BYTES);
  const sealed = nacl.secretbox(plain, nonce, contentKey);
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce);
  out.set(sealed, NONCE_BYTES);
  return out;
}

/**
 * Opens a presence from the room: null unless it decrypts with the content key, is well
 * formed and is signed by the device it names. Membership is the caller's question.
 */
export async function openPresence(
  ed: Ed25519,
  bytes: Uint8Array,
  group: Uint8Array,
  contentKey: Uint8Array,
): Promise<Presence | null> {
  if (bytes.length <= NONCE_BYTES || bytes.length > MAX_PRESENCE_BYTES) return null;
  const plain = nacl.secretbox.open(
    bytes.subarray(NONCE_BYTES),
    bytes.subarray(0, NONCE_BYTES),
    contentKey,
  );
  if (!plain) return null;
  let presence: Presence;
  let signature: Uint8Array;
  try {
    const r = reader(plain);
    if (r.u8() !== VERSION) return null;
    const device = r.fixed(PUBLIC_KEY_BYTES);
    const at = r.uint();
    const typing = r.u8();
    if (typing > 1) return null;
    const readUpTo = r.string(MAX_MESSAGE_ID);
    signature = r.fixed(SIGNATURE_BYTES);
    r.end();
    presence = { device, at, typing: typing === 1, readUpTo };
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
  return (await ed.verify(presence.device, body(group, presence), signature)) ? presence : null;
}
