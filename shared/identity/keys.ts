import nacl from 'tweetnacl';
import { concatBytes } from '../crypto/bytes.ts';
import { labelledHash } from '../crypto/hash.ts';
import type { Ed25519, Signer } from '../crypto/ed25519.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from '../crypto/ed25519.ts';
import { reader, writer } from '../codec/wire.ts';
import { parseDisplayName } from '../profile.ts';

/** x25519 key pair for `nacl.box`: admissions and keyrings are boxed to a device with it. */
export type BoxKeyPair = { publicKey: Uint8Array; secretKey: Uint8Array };

/** A device: its own signing key, its box key, and the person it belongs to. */
export type DeviceKeys = { signer: Signer; box: BoxKeyPair };

/**
 * A person's statement that a device is theirs (DESIGN §2): members, messages and
 * fingerprints are per person, blobs are signed per device.
 */
export type DeviceCertificate = {
  person: Uint8Array;
  device: Uint8Array;
  box: Uint8Array;
  issuedAt: number;
  signature: Uint8Array;
};

/** A display name a person signed, with when, so a later one replaces an earlier one. */
export type SignedName = { person: Uint8Array; name: string; at: number; signature: Uint8Array };

const CERT_LABEL = 'fellows/v1/device-certificate';
const NAME_LABEL = 'fellows/v1/display-name';
const MAX_NAME_BYTES = 1024;

/** Makes a fresh box key pair from 32 random bytes. */
export function boxKeyPairFromSecret(secretKey: Uint8Array): BoxKeyPair {
  return nacl.box.keyPair.fromSecretKey(secretKey);
}

function certificateBody(c: Omit<DeviceCertificate, 'signature'>): Uint8Array {
  return writer()
    .string(CERT_LABEL)
    .fixed(c.person)
    .fixed(c.device)
    .fixed(c.box)
    .uint(c.issuedAt)
    .finish();
}

/** The person certifies one of their devices. */
export async function certifyDevice(
  person: Signer,
  device: { signing: Uint8Array; box: Uint8Array },
  issuedAt: number,
): Promise<DeviceCertificate> {
  const body = { person: person.publicKey, device: device.signing, box: device.box, issuedAt };
  return { ...body, signature: await person.sign(certificateBody(body)) };
}

/** True when the certificate was signed by the person it names. */
export function verifyDeviceCertificate(ed: Ed25519, cert: DeviceCertificate): Promise<boolean> {
  return ed.verify(cert.person, certificateBody(cert), cert.signature);
}

export function encodeDeviceCertificate(c: DeviceCertificate): Uint8Array {
  return writer()
    .fixed(c.person)
    .fixed(c.device)
    .fixed(c.box)
    .uint(c.issuedAt)
    .fixed(c.signature)
    .finish();
}

/** Decodes a certificate; throws `DecodeError` on malformed bytes (it does not verify). */
export function decodeDeviceCertificate(bytes: Uint8Array): DeviceCertificate {
  const r = reader(bytes);
  const cert = {
    person: r.fixed(PUBLIC_KEY_BYTES),
    device: r.fixed(PUBLIC_KEY_BYTES),
    box: r.fixed(PUBLIC_KEY_BYTES),
    issuedAt: r.uint(),
    signature: r.fixed(SIGNATURE_BYTES),
  };
  r.end();
  return cert;
}

function nameBody(person: Uint8Array, name: string, at: number): Uint8Array {
  return writer().string(NAME_LABEL).fixed(person).string(name).uint(at).finish();
}

/** The person signs their display name (checked by the same rules as onboarding). */
export async function signName(person: Signer, name: string, at: number): Promise<SignedName> {
  const parsed = parseDisplayName(name);
  return {
    person: person.publicKey,
    name: parsed,
    at,
    signature: await person.sign(nameBody(person.publicKey, parsed, at)),
  };
}

/** True when the name was signed by that person and still obeys the name rules. */
export async function verifySignedName(ed: Ed25519, signed: SignedName): Promise<boolean> {
  try {
    if (parseDisplayName(signed.name) !== signed.name) return false;
  } catch {
    return false;
  }
  return ed.verify(
    signed.person,
    nameBody(signed.person, signed.name, signed.at),
    signed.signature,
  );
}

export function encodeSignedName(s: SignedName): Uint8Array {
  return writer().fixed(s.person).string(s.name).uint(s.at).fixed(s.signature).finish();
}

export function decodeSignedName(bytes: Uint8Array): SignedName {
  const r = reader(bytes);
  const signed = {
    person: r.fixed(PUBLIC_KEY_BYTES),
    name: r.string(MAX_NAME_BYTES),
    at: r.uint(),
    signature: r.fixed(SIGNATURE_BYTES),
  };
  r.end();
  return signed;
}

/**
 * A person's safety number: 60 digits in 12 groups of 5, from a hash of their person key,
 * to compare out loud or side by side (the same on every device that knows the key).
 */
export function fingerprint(person: Uint8Array): string {
  // Two labelled SHA-256 halves give the 60 bytes the 12 groups need.
  const digest = concatBytes(
    labelledHash('fellows/v1/fingerprint', person, new Uint8Array([0])),
    labelledHash('fellows/v1/fingerprint', person, new Uint8Array([1])),
  );
  const groups: string[] = [];
  for (let i = 0; i < 12; i++) {
    // 5 bytes → a 40-bit number → 5 decimal digits (mod 100000, bias ≈ 1e-7: negligible).
    let value = 0;
    for (let j = 0; j < 5; j++) value = value * 256 + (digest[i * 5 + j] ?? 0);
    groups.push(String(value % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
