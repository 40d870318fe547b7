import { DecodeError, reader, writer, type Reader, type Writer } from '../codec/wire.ts';
import type { Ed25519 } from '../crypto/ed25519.ts';
import { labelledHash } from '../crypto/hash.ts';
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

/** An epoch secret boxed (nacl.box) from the admitter's device to the new device. */
export type BoxedSecret = { epoch: number; nonce: Uint8Array; box: Uint8Array };

/**
 * The membership operations of a group (DESIGN §4). Each travels as the payload of one
 * signed `membership` blob; the author is the blob's device and that device's person.
 */
export type MembershipOp =
  | {
      type: 'invite';
      /**
       * The invite's secret (16 bytes). It travels inside the blob, sealed with the content
       * key, so every member can honour the invite (DESIGN §3), not only its creator.
       */
      inviteSecret: Uint8Array;
      expiresAt: number | null;
      singleUse: boolean;
    }
  | { type: 'revoke-invite'; inviteId: Uint8Array }
  | {
      type: 'admit';
      certificate: DeviceCertificate;
      name: SignedName;
      /** The Yjs clientID the new device will write with; must be unused in the group. */
      clientId: number;
      /** The invite the person came with; null only when an admin adds someone directly. */
      inviteId: Uint8Array | null;
      secrets: BoxedSecret[];
    }
  | { type: 'rename'; name: SignedName }
  | { type: 'settings'; groupName: string | null; adminsApproveJoins: boolean | null }
  /** An admin makes a member an admin. */
  | { type: 'promote'; person: Uint8Array }
  /**
   * A person leaves the group: removed by an admin, or by themselves (leaving). `pins` name,
   * for each of the person's devices the author knew of, the last seq it had seen of it:
   * that device's later blobs are refused everywhere.
   */
  | { type: 'remove'; person: Uint8Array; pins: DevicePin[] }
  /**
   * A new epoch (DESIGN §8): a fresh secret boxed (nacl.box, from the author's device) to
   * each member device. `epoch` is a new random id; `generation` is one more than the
   * newest epoch the author had seen.
   */
  | { type: 'rotate'; epoch: number; generation: number; boxes: KeyringBox[] }
  /**
   * One device leaves the group while its person stays (DESIGN §8: an unlink): by that
   * person, from any of their devices, or by an admin. `pin` is the last seq of the device
   * the author had seen; its later blobs are refused everywhere.
   */
  | { type: 'unlink'; device: Uint8Array; pin: number };

/** The last blob of a device that counts (see the `remove` op). */
export type DevicePin = { clientId: number; seq: number };

/** One device's copy of a new epoch's secret. */
export type KeyringBox = { device: Uint8Array; nonce: Uint8Array; box: Uint8Array };

export const INVITE_SECRET_BYTES = 16;

/** Names an invite in the log (`labelledHash('fellows/v1/invite-id', secret)`). */
export function inviteIdOf(inviteSecret: Uint8Array): Uint8Array {
  return labelledHash('fellows/v1/invite-id', inviteSecret);
}

const TYPE_CODES = {
  invite: 1,
  'revoke-invite': 2,
  admit: 3,
  rename: 4,
  settings: 5,
  promote: 6,
  remove: 7,
  rotate: 8,
  unlink: 9,
} as const;
/** Most devices a keyring or a removal names: far above any small group's. */
export const MAX_KEYRING = 1024;
/** The largest epoch id (a random u32; 0 is the genesis epoch). */
export const MAX_EPOCH_ID = 0xffff_ffff;
const MAX_SECRETS = 1024;
const MAX_PART = 1024;

function optionalUint(w: Writer, value: number | null): Writer {
  return value === null ? w.u8(0) : w.u8(1).uint(value);
}

function readOptionalUint(r: Reader): number | null {
  return r.u8() === 1 ? r.uint() : null;
}

/** Encodes an operation as a blob payload. */
export function encodeOp(op: MembershipOp): Uint8Array {
  const w = writer().u8(1).u8(TYPE_CODES[op.type]);
  switch (op.type) {
    case 'invite':
      optionalUint(w.fixed(op.inviteSecret), op.expiresAt).u8(op.singleUse ? 1 : 0);
      break;
    case 'revoke-invite':
      w.fixed(op.inviteId);
      break;
    case 'admit':
      w.bytes(encodeDeviceCertificate(op.certificate))
        .bytes(encodeSignedName(op.name))
        .uint(op.clientId);
      if (op.inviteId === null) w.u8(0);
      else w.u8(1).fixed(op.inviteId);
      w.uint(op.secrets.length);
      for (const s of op.secrets) w.uint(s.epoch).fixed(s.nonce).bytes(s.box);
      break;
    case 'rename':
      w.bytes(encodeSignedName(op.name));
      break;
    case 'settings':
      if (op.groupName === null) w.u8(0);
      else w.u8(1).string(op.groupName);
      w.u8(op.adminsApproveJoins === null ? 2 : op.adminsApproveJoins ? 1 : 0);
      break;
    case 'promote':
      w.fixed(op.person);
      break;
    case 'remove':
      w.fixed(op.person).uint(op.pins.length);
      for (const pin of op.pins) w.uint(pin.clientId).uint(pin.seq);
      break;
    case 'rotate':
      w.uint(op.epoch).uint(op.generation).uint(op.boxes.length);
      for (const b of op.boxes) w.fixed(b.device).fixed(b.nonce).bytes(b.box);
      break;
    case 'unlink':
      w.fixed(op.device).uint(op.pin);
      break;
  }
  return w.finish();
}

/** Decodes a blob payload into an operation; throws `DecodeError` on anything malformed. */
export function decodeOp(bytes: Uint8Array): MembershipOp {
  const r = reader(bytes);
  const version = r.u8();
  if (version !== 1) throw new DecodeError(`membership op version ${version}`);
  const code = r.u8();
  let op: MembershipOp;
  switch (code) {
    case TYPE_CODES.invite:
      op = {
        type: 'invite',
        inviteSecret: r.fixed(INVITE_SECRET_BYTES),
        expiresAt: readOptionalUint(r),
        singleUse: r.u8() === 1,
      };
      break;
    case TYPE_CODES['revoke-invite']:
      op = { type: 'revoke-invite', inviteId: r.fixed(32) };
      break;
    case TYPE_CODES.admit: {
      const certificate = decodeDeviceCertificate(r.bytes(MAX_PART));
      const name = decodeSignedName(r.bytes(MAX_PART));
      const clientId = r.uint(0xffffffff);
      const inviteId = r.u8() === 1 ? r.fixed(32) : null;
      const count = r.uint(MAX_SECRETS);
      const secrets: BoxedSecret[] = [];
      for (let i = 0; i < count; i++) {
        secrets.push({ epoch: r.uint(), nonce: r.fixed(24), box: r.bytes(128) });
      }
      op = { type: 'admit', certificate, name, clientId, inviteId, secrets };
      break;
    }
    case TYPE_CODES.rename:
      op = { type: 'rename', name: decodeSignedName(r.bytes(MAX_PART)) };
      break;
    case TYPE_CODES.settings: {
      const groupName = r.u8() === 1 ? r.string(MAX_PART) : null;
      const approve = r.u8();
      if (approve > 2) throw new DecodeError('settings flag');
      op = {
        type: 'settings',
        groupName,
        adminsApproveJoins: approve === 2 ? null : approve === 1,
      };
      break;
    }
    case TYPE_CODES.promote:
      op = { type: 'promote', person: r.fixed(32) };
      break;
    case TYPE_CODES.remove: {
      const person = r.fixed(32);
      const count = r.uint(MAX_KEYRING);
      const pins: DevicePin[] = [];
      for (let i = 0; i < count; i++) pins.push({ clientId: r.uint(0xffffffff), seq: r.uint() });
      op = { type: 'remove', person, pins };
      break;
    }
    case TYPE_CODES.rotate: {
      const epoch = r.uint(MAX_EPOCH_ID);
      const generation = r.uint();
      const count = r.uint(MAX_KEYRING);
      const boxes: KeyringBox[] = [];
      for (let i = 0; i < count; i++) {
        boxes.push({ device: r.fixed(32), nonce: r.fixed(24), box: r.bytes(128) });
      }
      op = { type: 'rotate', epoch, generation, boxes };
      break;
    }
    case TYPE_CODES.unlink:
      op = { type: 'unlink', device: r.fixed(32), pin: r.uint() };
      break;
    default:
      throw new DecodeError(`unknown membership op ${code}`);
  }
  r.end();
  return op;
}

/**
 * Checks the signatures an operation carries inside it (a device certificate, a signed
 * name). The blob's own signature is checked when it is opened; this is the rest.
 */
export async function verifyOpSignatures(ed: Ed25519, op: MembershipOp): Promise<boolean> {
  switch (op.type) {
    case 'admit': {
      const [cert, name] = await Promise.all([
        verifyDeviceCertificate(ed, op.certificate),
        verifySignedName(ed, op.name),
      ]);
      return cert && name;
    }
    case 'rename':
      return verifySignedName(ed, op.name);
    case 'invite':
    case 'revoke-invite':
    case 'settings':
    case 'promote':
    case 'remove':
    case 'rotate':
    case 'unlink':
      return true;
  }
}
