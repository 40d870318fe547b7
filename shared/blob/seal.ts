import nacl from 'tweetnacl';
import { concatBytes } from '../crypto/bytes.ts';
import { SIGNATURE_BYTES, type Signer } from '../crypto/ed25519.ts';
import {
  CONTENT_KEY_BYTES,
  MAX_BLOB_BYTES,
  MAX_PAYLOAD_BYTES,
  NONCE_BYTES,
  blobId,
  encodeBody,
  headerProblem,
  signedMessage,
  type BlobHeader,
} from './format.ts';

/** What a device needs to turn one local change into a blob. The device is the signer. */
export type SealInput = Omit<BlobHeader, 'device'> & {
  /** A Yjs update or an encoded membership operation, at most `MAX_PAYLOAD_BYTES`. */
  payload: Uint8Array;
  /** The epoch's content key (secretbox). */
  contentKey: Uint8Array;
  /** The device's signing key; its public key becomes the header's `device`. */
  signer: Signer;
  /** Cryptographically random bytes, for the nonce. */
  random: (length: number) => Uint8Array;
};

/** A sealed blob: its bytes, ready to store and send, and its id (SHA-256 of the bytes). */
export type SealedBlob = { id: Uint8Array; bytes: Uint8Array };

export type BlobSealProblem =
  'payload-too-large' | 'invalid-header' | 'invalid-key' | 'invalid-random' | 'invalid-signature';

/**
 * The app tried to seal something no peer would accept. This is the author's own bug
 * (split the update, fix the header), never a peer's doing, so it is thrown.
 */
export class BlobSealError extends Error {
  override readonly name = 'BlobSealError';
  constructor(
    readonly problem: BlobSealProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Encrypts a payload with the epoch's content key and signs the result with the device
 * key (DESIGN §5). Throws `BlobSealError` rather than produce a blob that `openBlob` would
 * refuse — in particular one over `MAX_BLOB_BYTES`, which could never be sent.
 */
export async function sealBlob(input: SealInput): Promise<SealedBlob> {
  const { payload, contentKey, signer, random } = input;
  if (payload.length > MAX_PAYLOAD_BYTES) {
    throw new BlobSealError(
      'payload-too-large',
      `payload of ${payload.length} bytes; a blob carries at most ${MAX_PAYLOAD_BYTES}`,
    );
  }
  // Name each field rather than spread the input, so nothing unexpected slips into the header.
  const header: BlobHeader = {
    kind: input.kind,
    groupId: input.groupId,
    epoch: input.epoch,
    person: input.person,
    device: signer.publicKey,
    seq: input.seq,
    prev: input.prev,
    time: input.time,
    deps: input.deps,
    depsHash: input.depsHash,
  };
  const problem = headerProblem(header);
  if (problem) throw new BlobSealError('invalid-header', problem);
  if (contentKey.length !== CONTENT_KEY_BYTES) {
    throw new BlobSealError('invalid-key', `content key of ${contentKey.length} bytes`);
  }
  const nonce = random(NONCE_BYTES);
  if (nonce.length !== NONCE_BYTES) {
    throw new BlobSealError(
      'invalid-random',
      `asked for ${NONCE_BYTES} bytes, got ${nonce.length}`,
    );
  }
  const body = encodeBody(header, nonce, nacl.secretbox(payload, nonce, contentKey));
  const signature = await signer.sign(signedMessage(body));
  if (signature.length !== SIGNATURE_BYTES) {
    throw new BlobSealError('invalid-signature', `signer gave ${signature.length} bytes`);
  }
  const bytes = concatBytes(body, signature);
  // MAX_PAYLOAD_BYTES is derived from the largest possible header, so this cannot happen.
  if (bytes.length > MAX_BLOB_BYTES)
    throw new Error(`sealed ${bytes.length} bytes: size bound bug`);
  return { id: blobId(bytes), bytes };
}
