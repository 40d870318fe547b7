import { describe, expect, it } from 'vitest';
import { DecodeError } from '../codec/wire.ts';
import { webCryptoEd25519 } from '../crypto/ed25519.ts';
import {
  boxKeyPairFromSecret,
  certifyDevice,
  decodeDeviceCertificate,
  decodeSignedName,
  encodeDeviceCertificate,
  encodeSignedName,
  fingerprint,
  signName,
  verifyDeviceCertificate,
  verifySignedName,
} from './keys.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const seed = (n: number) => new Uint8Array(32).fill(n);

describe('device certificates', async () => {
  const person = await ed.signerFromSeed(seed(1));
  const device = await ed.signerFromSeed(seed(2));
  const box = boxKeyPairFromSecret(seed(3));
  const cert = await certifyDevice(person, { signing: device.publicKey, box: box.publicKey }, 1700);

  it('verify, and survive encoding', async () => {
    expect(await verifyDeviceCertificate(ed, cert)).toBe(true);
    const decoded = decodeDeviceCertificate(encodeDeviceCertificate(cert));
    expect(decoded).toEqual(cert);
    expect(await verifyDeviceCertificate(ed, decoded)).toBe(true);
  });

  it('do not verify for another person, device or box key', async () => {
    const other = await ed.signerFromSeed(seed(9));
    expect(await verifyDeviceCertificate(ed, { ...cert, person: other.publicKey })).toBe(false);
    expect(await verifyDeviceCertificate(ed, { ...cert, device: other.publicKey })).toBe(false);
    expect(await verifyDeviceCertificate(ed, { ...cert, box: other.publicKey })).toBe(false);
    expect(await verifyDeviceCertificate(ed, { ...cert, issuedAt: 1701 })).toBe(false);
  });

  it('refuse truncated or padded encodings with DecodeError', () => {
    const bytes = encodeDeviceCertificate(cert);
    expect(() => decodeDeviceCertificate(bytes.subarray(0, bytes.length - 1))).toThrow(DecodeError);
    expect(() => decodeDeviceCertificate(new Uint8Array([...bytes, 0]))).toThrow(DecodeError);
  });
});

describe('signed names', async () => {
  const person = await ed.signerFromSeed(seed(4));

  it('verify, survive encoding, and are normalised like onboarding', async () => {
    const signed = await signName(person, '  Ada  ', 5);
    expect(signed.name).toBe('Ada');
    const decoded = decodeSignedName(encodeSignedName(signed));
    expect(await verifySignedName(ed, decoded)).toBe(true);
  });

  it('refuse a name changed after signing, or one that breaks the name rules', async () => {
    const signed = await signName(person, 'Ada', 5);
    expect(await verifySignedName(ed, { ...signed, name: 'Eve' })).toBe(false);
    expect(await verifySignedName(ed, { ...signed, name: 'Ada\u202e' })).toBe(false);
    await expect(signName(person, '', 5)).rejects.toMatchObject({ name: 'DisplayNameError' });
  });
});

describe('fingerprints', () => {
  it('are 12 groups of 5 digits, stable per person and different between people', async () => {
    const a = (await ed.signerFromSeed(seed(5))).publicKey;
    const b = (await ed.signerFromSeed(seed(6))).publicKey;
    expect(fingerprint(a)).toMatch(/^(\d{5} ){11}\d{5}$/);
    expect(fingerprint(a)).toBe(fingerprint(a.slice()));
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });
});
