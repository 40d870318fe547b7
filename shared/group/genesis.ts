import { DecodeError, reader, writer, type Reader } from '../codec/wire.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type Ed25519, type Signer } from '../crypto/ed25519.ts';
import { equalBytes } from '../crypto/bytes.ts';
import { hash, labelledHash } from '../crypto/hash.ts';
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
import { parseGroupName } from '../profile.ts';

/** Who sees history from before they joined (DESIGN §8). */
export type HistoryPolicy = 'all' | 'from-join';

export type GroupSettings = {
  historyPolicy: HistoryPolicy;
  /** When on, only admins admit new people; otherwise any member holding the invite does. */
  adminsApproveJoins: boolean;
};

/**
 * The record that founds a group, signed by its creator's person key. The group's id is the
 * hash of this record, so nobody can later claim to have founded it differently.
 */
export type Genesis = {
  version: 1;
  name: string;
  createdAt: number;
  creator: DeviceCertificate;
  creatorName: SignedName;
  /** The Yjs clientID the creator's device writes the content doc with. */
  clientId: number;
  settings: GroupSettings;
  nonce: Uint8Array;
  signature: Uint8Array;
};

const GENESIS_LABEL = 'fellows/v1/genesis';
const MAX_PART_BYTES = 1024;

/** Derives a device's stable Yjs clientID for a group (uint32; 0 is never used). */
export function clientIdFor(device: Uint8Array, salt: Uint8Array): number {
  const digest = labelledHash('fellows/v1/client-id', device, salt);
  const value =
    ((digest[0] ?? 0) * 2 ** 24 +
      (digest[1] ?? 0) * 2 ** 16 +
      (digest[2] ?? 0) * 2 ** 8 +
      (digest[3] ?? 0)) >>>
    0;
  return value === 0 ? 1 : value;
}

function body(g: Omit<Genesis, 'signature'>): Uint8Array {
  return writer()
    .string(GENESIS_LABEL)
    .u8(g.version)
    .string(g.name)
    .uint(g.createdAt)
    .bytes(encodeDeviceCertificate(g.creator))
    .bytes(encodeSignedName(g.creatorName))
    .uint(g.clientId)
    .u8(g.settings.historyPolicy === 'all' ? 0 : 1)
    .u8(g.settings.adminsApproveJoins ? 1 : 0)
    .fixed(g.nonce)
    .finish();
}

/** Founds a group: the creator's person signs the record; its hash is the group id. */
export async function createGenesis(input: {
  name: string;
  person: Signer;
  creator: DeviceCertificate;
  creatorName: SignedName;
  settings: GroupSettings;
  createdAt: number;
  random: (length: number) => Uint8Array;
}): Promise<{ genesis: Genesis; groupId: Uint8Array; bytes: Uint8Array }> {
  const nonce = input.random(16);
  const unsigned = {
    version: 1 as const,
    name: parseGroupName(input.name),
    createdAt: input.createdAt,
    creator: input.creator,
    creatorName: input.creatorName,
    clientId: clientIdFor(input.creator.device, nonce),
    settings: input.settings,
    nonce,
  };
  const genesis = { ...unsigned, signature: await input.person.sign(body(unsigned)) };
  const bytes = encodeGenesis(genesis);
  return { genesis, groupId: hash(bytes), bytes };
}

export function encodeGenesis(g: Genesis): Uint8Array {
  return writer().bytes(body(g)).fixed(g.signature).finish();
}

/** Decodes a genesis record; throws `DecodeError` on malformed bytes (it does not verify). */
export function decodeGenesis(bytes: Uint8Array): Genesis {
  const outer = reader(bytes);
  const inner = reader(outer.bytes(4 * MAX_PART_BYTES));
  const signature = outer.fixed(SIGNATURE_BYTES);
  outer.end();
  return { ...decodeBody(inner), signature };
}

function decodeBody(r: Reader): Omit<Genesis, 'signature'> {
  if (r.string(64) !== GENESIS_LABEL) throw new DecodeError('not a genesis record');
  const version = r.u8();
  if (version !== 1) throw new DecodeError(`genesis version ${version} is not supported`);
  const g = {
    version: 1 as const,
    name: r.string(MAX_PART_BYTES),
    createdAt: r.uint(),
    creator: decodeDeviceCertificate(r.bytes(MAX_PART_BYTES)),
    creatorName: decodeSignedName(r.bytes(MAX_PART_BYTES)),
    clientId: r.uint(0xffffffff),
    settings: {
      historyPolicy: r.u8() === 0 ? ('all' as const) : ('from-join' as const),
      adminsApproveJoins: r.u8() === 1,
    },
    nonce: r.fixed(16),
  };
  r.end();
  return g;
}

/**
 * Checks a genesis record against a group id: it hashes to the id, the creator's person
 * signed it, certified the device and signed the name, and the clientID is the derived one.
 */
export async function verifyGenesis(
  ed: Ed25519,
  bytes: Uint8Array,
  groupId: Uint8Array,
): Promise<Genesis | null> {
  if (!equalBytes(hash(bytes), groupId)) return null;
  let genesis: Genesis;
  try {
    genesis = decodeGenesis(bytes);
    if (parseGroupName(genesis.name) !== genesis.name) return null;
  } catch {
    return null;
  }
  const person = genesis.creator.person;
  if (person.length !== PUBLIC_KEY_BYTES || !equalBytes(genesis.creatorName.person, person))
    return null;
  if (genesis.clientId !== clientIdFor(genesis.creator.device, genesis.nonce)) return null;
  const checks = await Promise.all([
    ed.verify(person, body(genesis), genesis.signature),
    verifyDeviceCertificate(ed, genesis.creator),
    verifySignedName(ed, genesis.creatorName),
  ]);
  return checks.every(Boolean) ? genesis : null;
}
