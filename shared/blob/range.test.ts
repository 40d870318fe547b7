import { describe, expect, it } from 'vitest';
import { concatBytes } from '../crypto/bytes.ts';
import { webCryptoEd25519, type Ed25519 } from '../crypto/ed25519.ts';
import { MAX_BLOB_BYTES, signedMessage } from './format.ts';
import { openBlob, openHeader } from './open.ts';
import { openRange, verifyRange } from './range.ts';
import { sealChain, testDevice, testGroup } from './testing.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const group = testGroup('range');
const alice = await testDevice(ed, 5);
const bob = await testDevice(ed, 6);
const mallory = await testDevice(ed, 7);

const payloadOf = (seq: number) => new Uint8Array([seq, seq, seq]);
const chain = (await sealChain(group, alice, 20, { payload: payloadOf })).map((b) => b.bytes);
// Alice's chain forked at seq 1: same device and seqs, different blobs.
const fork = (await sealChain(group, alice, 20, { payload: (s) => new Uint8Array([s, 0]) })).map(
  (b) => b.bytes,
);
const bobs = (await sealChain(group, bob, 20)).map((b) => b.bytes);
const elsewhere = (await sealChain(testGroup('elsewhere'), alice, 20)).map((b) => b.bytes);

function countingEd(): { ed: Ed25519; calls: () => number } {
  let calls = 0;
  return {
    ed: {
      ...ed,
      verify: (...args) => {
        calls++;
        return ed.verify(...args);
      },
    },
    calls: () => calls,
  };
}

function replaced(blobs: Uint8Array[], index: number, blob: Uint8Array): Uint8Array[] {
  const out = [...blobs];
  out[index] = blob;
  return out;
}

describe('verifyRange', () => {
  it('accepts a whole chain or any consecutive part of it, with one signature check', async () => {
    const counted = countingEd();
    const whole = await verifyRange(chain, counted.ed);
    expect(whole.ok && whole.headers.map((h) => h.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(counted.calls()).toBe(1);
    const part = await verifyRange(chain.slice(4, 12), ed);
    expect(part.ok && part.headers.map((h) => h.seq)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await verifyRange(chain.slice(19), ed)).ok).toBe(true);
  });

  it('returns the headers and ids openHeader gives, in copies the caller cannot disturb', async () => {
    const blobs = chain.map((b) => b.slice());
    const result = await verifyRange(blobs, ed);
    for (const blob of blobs) blob.fill(0);
    expect(result.ok && result.headers).toEqual(
      chain.map((b) => {
        const header = openHeader(b);
        return header.ok && header.header;
      }),
    );
  });

  it('refuses an empty range and a last blob with a forged signature', async () => {
    expect(await verifyRange([], ed)).toMatchObject({ ok: false, reason: 'empty' });
    const last = chain[19]!;
    const flipped = last.slice();
    flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 1;
    const body = last.subarray(0, last.length - 64);
    const resigned = concatBytes(body, await mallory.signer.sign(signedMessage(body)));
    for (const forged of [flipped, resigned]) {
      expect(await verifyRange(replaced(chain, 19, forged), ed)).toMatchObject({
        ok: false,
        index: 19,
        reason: 'bad-signature',
      });
    }
  });

  it('refuses a blob swapped for another one at the same seq (a fork), by hash', async () => {
    expect(await verifyRange(replaced(chain, 9, fork[9]!), ed)).toMatchObject({
      ok: false,
      index: 9,
      reason: 'broken-link',
    });
  });

  it('refuses a flipped bit anywhere in an earlier blob, signature included', async () => {
    for (const at of [3, 150, chain[4]!.length - 70, chain[4]!.length - 1]) {
      const damaged = chain[4]!.slice();
      damaged[at] = (damaged[at] ?? 0) ^ 0x10;
      // Whatever the flip makes of blob 4 (malformed, another seq, another id), it is refused.
      expect(await verifyRange(replaced(chain, 4, damaged), ed)).toMatchObject({
        ok: false,
        index: 4,
      });
    }
  });

  it('refuses a gap and two blobs out of order, by seq', async () => {
    const gap = [...chain.slice(0, 7), ...chain.slice(8)];
    expect(await verifyRange(gap, ed)).toMatchObject({ ok: false, index: 6, reason: 'seq-gap' });
    const swapped = replaced(replaced(chain, 10, chain[11]!), 11, chain[10]!);
    // Checked from the end: seq 11 (now at index 11) is followed by seq 13.
    expect(await verifyRange(swapped, ed)).toMatchObject({
      ok: false,
      index: 11,
      reason: 'seq-gap',
    });
  });

  it('refuses a blob from another device or group in the chain', async () => {
    expect(await verifyRange(replaced(chain, 12, bobs[12]!), ed)).toMatchObject({
      ok: false,
      index: 12,
      reason: 'foreign-blob',
    });
    expect(await verifyRange(replaced(chain, 3, elsewhere[3]!), ed)).toMatchObject({
      ok: false,
      index: 3,
      reason: 'foreign-blob',
    });
  });

  it('refuses what is not a blob at all, with the same reasons as openBlob', async () => {
    const cases: [unknown, string][] = [
      ['nope', 'not-bytes'],
      [new Uint8Array(MAX_BLOB_BYTES + 1), 'oversized'],
      [chain[2]!.subarray(0, 100), 'truncated'],
      [concatBytes(chain[2]!, new Uint8Array(1)), 'malformed'],
    ];
    for (const [bad, reason] of cases) {
      const blobs = replaced(chain, 2, bad as Uint8Array);
      expect(await verifyRange(blobs, ed)).toMatchObject({ ok: false, index: 2, reason });
      expect(await verifyRange(replaced(chain, 19, bad as Uint8Array), ed)).toMatchObject({
        ok: false,
        index: 19,
        reason,
      });
    }
  });

  it('trusts earlier blobs through the chain: only the device key can sign the head', async () => {
    // The device itself signed its earlier blobs with junk. Their bytes are still committed
    // by the one real signature at the end, so the range verifies, though each of those
    // blobs alone does not: only the device's key holder can produce such a chain.
    const junkSigner = {
      publicKey: alice.signer.publicKey,
      sign: () => Promise.resolve(new Uint8Array(64)),
    };
    const lazy = (await sealChain(group, alice, 5, { signEarlierWith: junkSigner })).map(
      (b) => b.bytes,
    );
    expect((await verifyRange(lazy, ed)).ok).toBe(true);
    expect(await openBlob(lazy[0], group.context(ed))).toMatchObject({ reason: 'bad-signature' });
  });
});

describe('openRange', () => {
  it('opens every blob of a verified range with a single signature check', async () => {
    const counted = countingEd();
    const result = await openRange(chain, { ...group.context(ed), ed: counted.ed });
    expect(result.ok && result.blobs.map((b) => b.payload)).toEqual(
      Array.from({ length: 20 }, (_, i) => payloadOf(i + 1)),
    );
    expect(counted.calls()).toBe(1);
    // The same ids and headers as opening each blob alone.
    for (const [i, bytes] of chain.entries()) {
      const alone = await openBlob(bytes, group.context(ed));
      expect(result.ok && result.blobs[i]).toEqual(alone.ok && alone.blob);
    }
  });

  it('stops at the first blob it cannot decrypt, returning the ones before it', async () => {
    const epochs = (await sealChain(group, alice, 3, { epoch: 1 })).map((b) => b.bytes);
    // Seqs 1–3 are in epoch 1; hold only epoch 0: the first blob already fails.
    expect(await openRange(epochs, group.context(ed, [0]))).toMatchObject({
      ok: false,
      index: 0,
      reason: 'unknown-epoch',
      opened: [],
    });
    const wrongKeys = { ...group.context(ed), contentKey: () => new Uint8Array(32) };
    expect(await openRange(chain, wrongKeys)).toMatchObject({
      ok: false,
      index: 0,
      reason: 'bad-mac',
    });
    expect(await openRange(chain, testGroup('elsewhere').context(ed))).toMatchObject({
      ok: false,
      reason: 'wrong-group',
    });
  });

  it('returns the authentic, decrypted prefix when a later blob fails its MAC', async () => {
    const sealed = await sealChain(group, alice, 6, {
      payload: payloadOf,
      epoch: 0,
    });
    const context = group.context(ed);
    const keyFor0 = group.key(0);
    let calls = 0;
    // From the fourth lookup on, hand out a wrong key: blobs 0–2 open, blob 3 fails.
    const flaky = { ...context, contentKey: () => (++calls > 3 ? new Uint8Array(32) : keyFor0) };
    const result = await openRange(
      sealed.map((b) => b.bytes),
      flaky,
    );
    expect(result).toMatchObject({ ok: false, index: 3, reason: 'bad-mac' });
    expect(!result.ok && result.opened.map((b) => b.seq)).toEqual([1, 2, 3]);
  });

  it('refuses a broken range without decrypting anything', async () => {
    let lookups = 0;
    const context = { ...group.context(ed), contentKey: () => (lookups++, group.key(0)) };
    const result = await openRange(replaced(chain, 9, fork[9]!), context);
    expect(result).toMatchObject({ ok: false, index: 9, reason: 'broken-link', opened: [] });
    expect(lookups).toBe(0);
  });
});
