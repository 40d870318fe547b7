import { describe, expect, it } from 'vitest';
import { concatBytes } from '../crypto/bytes.ts';
import { webCryptoEd25519 } from '../crypto/ed25519.ts';
import { MAX_BLOB_BYTES, signedMessage, type BlobHeader } from './format.ts';
import { openBlob, openHeader, type OpenContext } from './open.ts';
import { sealBlob } from './seal.ts';
import { box, flip, forgeBlob, openFixtures, resign, spyContext } from './testing.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const { group, otherGroup, alice, mallory, random, payload, input, header, valid, withDeps } =
  await openFixtures(ed);

// Offsets in a deps-free v1 blob: version 0, kind 1, groupId 2–33, epoch 34 (one byte here),
// person 35–66, device 67–98, seq 99, prev 100–131, time 132–138, deps count 139, nonce 140–…
const GROUP_AT = 2;
const DEVICE_AT = 67;
const PREV_AT = 100;
const DEPS_COUNT_AT = 139;

async function reasonOf(bytes: unknown, context: OpenContext = group.context(ed)) {
  const result = await openBlob(bytes, context);
  return result.ok ? 'ok' : result.reason;
}

describe('openBlob refuses', () => {
  it('anything that is not bytes', async () => {
    for (const value of [undefined, null, 'blob', 42, [1, 2, 3], new ArrayBuffer(300), {}]) {
      expect(await reasonOf(value)).toBe('not-bytes');
    }
    expect(await reasonOf(new DataView(valid.bytes.buffer))).toBe('not-bytes');
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('gotcha');
        },
      },
    );
    expect(await reasonOf(hostile)).toBe('not-bytes');
  });

  it('oversized input before reading any of it (10 MB answered at once)', async () => {
    // A buffer whose every read would throw: proves nothing past its length is looked at.
    class Tripwire extends Uint8Array {
      override slice(): never {
        throw new Error('read an oversized input');
      }
      override subarray(): never {
        throw new Error('read an oversized input');
      }
    }
    const huge = new Tripwire(10 * 1024 * 1024);
    huge.set(valid.bytes);
    const { calls, context } = spyContext(group.context(ed));
    const start = performance.now();
    const result = await openBlob(huge, context);
    expect(result).toMatchObject({ ok: false, reason: 'oversized' });
    expect(openHeader(huge)).toMatchObject({ ok: false, reason: 'oversized' });
    expect(performance.now() - start).toBeLessThan(50); // hashing 10 MB alone takes ~50 ms
    expect(calls).toEqual({ verify: 0, contentKey: 0 });
    expect(await reasonOf(new Uint8Array(MAX_BLOB_BYTES + 1))).toBe('oversized');
    expect(await reasonOf(new Uint8Array(MAX_BLOB_BYTES))).not.toBe('oversized');
  });

  it('every truncation of a valid blob as truncated', async () => {
    for (const sealed of [valid, withDeps]) {
      for (let length = 0; length < sealed.bytes.length; length++) {
        expect([length, await reasonOf(sealed.bytes.subarray(0, length))]).toEqual([
          length,
          'truncated',
        ]);
      }
    }
  });

  it('trailing junk as malformed', async () => {
    expect(await reasonOf(concatBytes(valid.bytes, new Uint8Array([0])))).toBe('malformed');
    expect(await reasonOf(concatBytes(valid.bytes, valid.bytes))).toBe('malformed');
  });

  it('other versions as unsupported, before anything else is read', async () => {
    expect(await reasonOf(flip(valid.bytes, 0, 1))).toBe('unsupported-version'); // version 3
    expect(await reasonOf(new Uint8Array([2]))).toBe('unsupported-version');
    expect(await reasonOf(new Uint8Array([0, 1, 2]))).toBe('unsupported-version');
  });

  it('headers that break the rules even when properly signed, as malformed', async () => {
    const sealed = box(payload, group.key(1), random);
    const forged = (h: Partial<BlobHeader>) => forgeBlob({ ...header, ...h }, sealed, alice.signer);
    // An unknown kind.
    expect(await reasonOf(await resign(flip(valid.bytes, 1, 1), alice.signer))).toBe('malformed');
    // Duplicate deps (an index delta of 0). Unsorted ones cannot even be written: deltas are
    // unsigned. An index beyond the limit, reached through deltas, a dep seq of 0.
    const hashOfDeps = new Uint8Array(32);
    const badDeps = [
      [
        { device: 3, seq: 1 },
        { device: 3, seq: 1 },
      ],
      [
        { device: 0xffff_ffff, seq: 1 },
        { device: 0xffff_ffff + 5, seq: 1 },
      ],
      [{ device: 1, seq: 0 }],
    ];
    for (const deps of badDeps) {
      expect(await reasonOf(await forged({ deps, depsHash: hashOfDeps }))).toBe('malformed');
    }
    // Deps written without their hash: everything after is read 32 bytes off, and refused.
    expect(await reasonOf(await forged({ deps: [{ device: 1, seq: 1 }] }))).not.toBe('ok');
    // A first blob that names a previous one, and a later one that names none.
    expect(await reasonOf(await forged({ prev: new Uint8Array(32).fill(1) }))).toBe('malformed');
    expect(await reasonOf(await forged({ seq: 2 }))).toBe('malformed');
    // A sealed payload too short to hold a MAC.
    expect(
      await reasonOf(await forgeBlob(header, { ...sealed, box: new Uint8Array(15) }, alice.signer)),
    ).toBe('malformed');
  });

  it('padded varints as malformed, so one header has exactly one encoding and one id', async () => {
    // epoch 1 written as 0x81 0x00 instead of 0x01, then properly signed by the device.
    const body = valid.bytes.subarray(0, valid.bytes.length - 64);
    const padded = concatBytes(
      body.subarray(0, 34),
      new Uint8Array([0x81, 0x00]),
      body.subarray(35),
    );
    const signed = concatBytes(padded, await alice.signer.sign(signedMessage(padded)));
    expect(await reasonOf(signed)).toBe('malformed');
    // Numbers too long to be safe integers: 9 bytes, and a long run of 0x80 (which lib0
    // alone would read as NaN), here as the deps count.
    const countAt = DEPS_COUNT_AT;
    expect(body[countAt]).toBe(0); // no deps
    for (const long of [
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
      [...new Uint8Array(200).fill(0x80), 1],
    ]) {
      const bad = concatBytes(
        body.subarray(0, countAt),
        new Uint8Array(long),
        body.subarray(countAt + 1),
      );
      const resigned = concatBytes(bad, await alice.signer.sign(signedMessage(bad)));
      expect(await reasonOf(resigned)).toBe('malformed');
    }
  });

  it('a blob re-signed by another device that claims to be the victim, as bad-signature', async () => {
    expect(await reasonOf(await resign(valid.bytes, mallory.signer))).toBe('bad-signature');
    // Or Mallory writes her own blob but names Alice's device and person.
    const sealed = box(payload, group.key(1), random);
    expect(await reasonOf(await forgeBlob(header, sealed, mallory.signer))).toBe('bad-signature');
  });

  it('a flipped bit in the header, the ciphertext or the signature, as bad-signature', async () => {
    const last = valid.bytes.length - 1;
    for (const at of [GROUP_AT + 5, 36, DEVICE_AT + 3, 133, 140, last - 100, last - 64, last]) {
      expect([at, await reasonOf(flip(valid.bytes, at))]).toEqual([at, 'bad-signature']);
    }
    // prev must be zero in a first blob (any flip there is malformed), so try a later one.
    expect(await reasonOf(flip(withDeps.bytes, PREV_AT + 5))).toBe('bad-signature');
  });

  it('a blob for another group, as wrong-group', async () => {
    const elsewhere = await sealBlob({
      ...input,
      groupId: otherGroup.groupId,
      contentKey: otherGroup.key(1),
    });
    expect(await reasonOf(elsewhere.bytes)).toBe('wrong-group');
    expect(await reasonOf(elsewhere.bytes, otherGroup.context(ed))).toBe('ok');
  });

  it('an epoch whose key this device does not hold, as unknown-epoch', async () => {
    const later = await sealBlob({ ...input, epoch: 5, contentKey: group.key(5) });
    expect(await reasonOf(later.bytes)).toBe('unknown-epoch');
    expect(await reasonOf(later.bytes, group.context(ed, [5]))).toBe('ok');
  });

  it('a payload sealed with another key, as bad-mac', async () => {
    const wrongKey = await sealBlob({ ...input, contentKey: otherGroup.key(1) });
    expect(await reasonOf(wrongKey.bytes)).toBe('bad-mac');
    // Sealed with epoch 2's key but labelled epoch 1: we hold both, and 1's does not open it.
    const mislabelled = await sealBlob({ ...input, epoch: 1, contentKey: group.key(2) });
    expect(await reasonOf(mislabelled.bytes)).toBe('bad-mac');
  });
});
