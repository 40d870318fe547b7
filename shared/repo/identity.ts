import type { Signer } from '../crypto/ed25519.ts';
import type { BoxKeyPair, DeviceCertificate, SignedName } from '../identity/keys.ts';

/** This device and its person, as the repo uses them. */
export type RepoIdentity = {
  person: Signer;
  device: Signer;
  box: BoxKeyPair;
  certificate: DeviceCertificate;
  name: SignedName;
};
