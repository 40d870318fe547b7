import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../crypto/bytes.ts';
import { testCrypto } from '../testing/people.ts';
import { createSealer, SealedDataError } from './sealer.ts';

const key = new Uint8Array(32).fill(5);

describe('sealer', () => {
  it('round-trips, and the sealed bytes do not contain the plaintext', async () => {
    const sealer = await createSealer(testCrypto, key);
    const plaintext = utf8('meet at the allotment at six');
    const sealed = await sealer.seal(plaintext, 'snapshot');
    expect(toHex(sealed)).not.toContain(toHex(plaintext.subarray(0, 8)));
    expect(await sealer.open(sealed, 'snapshot')).toEqual(plaintext);
  });

  it('refuses another label, another key, and any damage', async () => {
    const sealer = await createSealer(testCrypto, key);
    const sealed = await sealer.seal(utf8('x'), 'snapshot');
    await expect(sealer.open(sealed, 'recent')).rejects.toBeInstanceOf(SealedDataError);
    const other = await createSealer(testCrypto, new Uint8Array(32).fill(6));
    await expect(other.open(sealed, 'snapshot')).rejects.toBeInstanceOf(SealedDataError);
    const damaged = sealed.slice();
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    await expect(sealer.open(damaged, 'snapshot')).rejects.toBeInstanceOf(SealedDataError);
    await expect(sealer.open(new Uint8Array(3), 'snapshot')).rejects.toBeInstanceOf(
      SealedDataError,
    );
  });

  it('uses a fresh IV each time', async () => {
    const sealer = await createSealer(testCrypto, key);
    const a = await sealer.seal(utf8('same'), 's');
    const b = await sealer.seal(utf8('same'), 's');
    expect(toHex(a)).not.toBe(toHex(b));
  });
});
