import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tweetnaclEd25519, webCryptoEd25519, bestEd25519 } from './ed25519.ts';

const web = webCryptoEd25519(globalThis.crypto);
const reference = tweetnaclEd25519();

describe('Ed25519', () => {
  it('WebCrypto and tweetnacl make the same keys and the same signatures, and accept each other’s', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 512 }),
        async (seed, message) => {
          const a = await web.signerFromSeed(seed);
          const b = await reference.signerFromSeed(seed);
          expect(a.publicKey).toEqual(b.publicKey);
          const sigA = await a.sign(message);
          const sigB = await b.sign(message);
          // Ed25519 is deterministic: byte-identical signatures.
          expect(sigA).toEqual(sigB);
          expect(await reference.verify(a.publicKey, message, sigA)).toBe(true);
          expect(await web.verify(b.publicKey, message, sigB)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('both refuse a changed message, a changed signature and malformed keys', async () => {
    const signer = await web.signerFromSeed(new Uint8Array(32).fill(7));
    const message = new Uint8Array([1, 2, 3]);
    const signature = await signer.sign(message);
    for (const impl of [web, reference]) {
      expect(await impl.verify(signer.publicKey, new Uint8Array([1, 2, 4]), signature)).toBe(false);
      const flipped = signature.slice();
      flipped[10] = (flipped[10] ?? 0) ^ 1;
      expect(await impl.verify(signer.publicKey, message, flipped)).toBe(false);
      expect(await impl.verify(signer.publicKey.subarray(1), message, signature)).toBe(false);
      expect(await impl.verify(signer.publicKey, message, signature.subarray(1))).toBe(false);
      expect(await impl.verify(new Uint8Array(32).fill(0xff), message, signature)).toBe(false);
    }
  });

  it('keeps WebCrypto private keys non-extractable', async () => {
    // The signer exposes only sign(); nothing returns the seed or a raw private key.
    const signer = await web.signerFromSeed(new Uint8Array(32).fill(1));
    expect(Object.keys(signer).sort()).toEqual(['publicKey', 'sign']);
  });

  it('picks WebCrypto where the host has it, and tweetnacl otherwise', async () => {
    expect((await bestEd25519(globalThis.crypto)).name).toBe('webcrypto');
    expect((await bestEd25519(undefined)).name).toBe('tweetnacl');
  });
});
