// Test fixtures: people with a person key, one device, and signed names. Seeds are
// deterministic so failures reproduce. Used by tests only.
import { webCryptoEd25519, type Ed25519, type Signer } from '../crypto/ed25519.ts';
import type { WebCryptoLike } from '../crypto/webcrypto.ts';
import {
  boxKeyPairFromSecret,
  certifyDevice,
  signName,
  type BoxKeyPair,
  type DeviceCertificate,
  type SignedName,
} from '../identity/keys.ts';

export type TestPerson = {
  person: Signer;
  /** The person key's seed: what linking hands a new device. */
  personSeed: Uint8Array;
  device: Signer;
  box: BoxKeyPair;
  certificate: DeviceCertificate;
  name: SignedName;
};

/** The host's WebCrypto, typed for shared/ (tests run in Node, which has it). */
export const testCrypto = (globalThis as unknown as { crypto: WebCryptoLike }).crypto;
export const testEd: Ed25519 = webCryptoEd25519(testCrypto);

/** Deterministic bytes for seeds and nonces: a counter-filled pattern, distinct per label. */
export function seeded(label: number): (length: number) => Uint8Array {
  let counter = 0;
  return (length) => {
    counter += 1;
    return Uint8Array.from({ length }, (_, i) => (label * 131 + counter * 31 + i * 7) & 0xff);
  };
}

/** A person with one device, made from a number so tests can name "person 1", "person 2". */
export async function makePerson(n: number, displayName = `Person ${n}`): Promise<TestPerson> {
  const random = seeded(n);
  const personSeed = random(32);
  const person = await testEd.signerFromSeed(personSeed);
  const device = await testEd.signerFromSeed(random(32));
  const box = boxKeyPairFromSecret(random(32));
  const certificate = await certifyDevice(
    person,
    { signing: device.publicKey, box: box.publicKey },
    1_700_000_000_000 + n,
  );
  const name = await signName(person, displayName, 1_700_000_000_000 + n);
  return { person, personSeed, device, box, certificate, name };
}

/** Another device of the same person (linking, DESIGN §2): same person key and name. */
export async function anotherDevice(of: TestPerson, n: number): Promise<TestPerson> {
  const random = seeded(1000 + n);
  const device = await testEd.signerFromSeed(random(32));
  const box = boxKeyPairFromSecret(random(32));
  const certificate = await certifyDevice(
    of.person,
    { signing: device.publicKey, box: box.publicKey },
    1_700_000_100_000 + n,
  );
  return { person: of.person, personSeed: of.personSeed, device, box, certificate, name: of.name };
}
