import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import { webCryptoEd25519 } from '../crypto/ed25519.ts';
import { hash, labelledHash } from '../crypto/hash.ts';
import {
  MAX_BLOB_BYTES,
  MAX_DEP_DEVICE_INDEX,
  MAX_DEPS,
  MAX_PAYLOAD_BYTES,
  blobId,
  depsHash,
  encodeHeader,
  noPrevious,
  type BlobDep,
  type BlobHeader,
} from './format.ts';
import { openBlob, openHeader } from './open.ts';
import { sealBlob } from './seal.ts';
import { countingRandom, testDevice, testGroup } from './testing.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const group = testGroup('format');
const device = await testDevice(ed, 1);

const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const count = fc.maxSafeNat();
const depsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: MAX_DEP_DEVICE_INDEX }), { maxLength: 40 })
  .chain((indexes) =>
    fc.tuple(
      ...indexes
        .sort((a, b) => a - b)
        .map((device) => fc.record({ device: fc.constant(device), seq: fc.integer({ min: 1 }) })),
    ),
  );
const headerArb = fc.record({
  kind: fc.constantFrom('content' as const, 'membership' as const),
  epoch: count,
  seq: fc.oneof(
    fc.constant(1),
    fc.integer({ min: 2 }),
    fc.maxSafeInteger().filter((n) => n > 1),
  ),
  prev: bytes32.filter((b) => b.some((x) => x !== 0)),
  time: fc.record({ wall: count, counter: count }),
  deps: depsArb,
  depsHash: bytes32,
});

describe('blob format', () => {
  it('round-trips any valid header and payload through seal, openHeader and openBlob', async () => {
    await fc.assert(
      fc.asyncProperty(headerArb, fc.uint8Array({ maxLength: 2048 }), async (h, payload) => {
        const input = {
          kind: h.kind,
          groupId: group.groupId,
          epoch: h.epoch,
          person: device.person,
          seq: h.seq,
          prev: h.seq === 1 ? noPrevious() : h.prev,
          time: h.time,
          deps: h.deps as BlobDep[],
          depsHash: h.deps.length > 0 ? h.depsHash : undefined,
        };
        const sealed = await sealBlob({
          ...input,
          payload,
          contentKey: group.key(7),
          signer: device.signer,
          random: countingRandom(),
        });
        expect(sealed.id).toEqual(hash(sealed.bytes));
        const expected = { ...input, version: 1, device: device.signer.publicKey, id: sealed.id };
        const header = openHeader(sealed.bytes);
        expect(header).toEqual({ ok: true, header: expected });
        const opened = await openBlob(sealed.bytes, {
          ...group.context(ed),
          contentKey: () => group.key(7),
        });
        expect(opened).toEqual({ ok: true, blob: { ...expected, payload } });
      }),
      { numRuns: 150 },
    );
  });

  it('encodes deps as index deltas: small indexes cost two bytes each', () => {
    const base: BlobHeader = {
      kind: 'content',
      groupId: group.groupId,
      epoch: 0,
      person: device.person,
      device: device.signer.publicKey,
      seq: 1,
      prev: noPrevious(),
      time: { wall: 0, counter: 0 },
      deps: [],
    };
    const none = encodeHeader(base).length;
    const deps = [
      { device: 1000, seq: 5 },
      { device: 1001, seq: 6 },
      { device: 1003, seq: 7 },
    ];
    const withDeps = encodeHeader({ ...base, deps, depsHash: new Uint8Array(32) }).length;
    // 1000 takes two varint bytes; the deltas 1 and 2 take one each; every seq one; + hash.
    expect(withDeps - none).toBe(2 + 1 + 1 + 1 + 1 + 1 + 32);
  });

  it('bounds the payload so even the largest header fits in MAX_BLOB_BYTES', async () => {
    // The largest header: 256 deps spread over the whole index range, every number at its
    // largest varint length.
    const big = Number.MAX_SAFE_INTEGER;
    const deps = Array.from({ length: MAX_DEPS }, (_, i) => ({
      device: Math.floor((i * MAX_DEP_DEVICE_INDEX) / (MAX_DEPS - 1)),
      seq: big,
    }));
    const sealed = await sealBlob({
      kind: 'membership',
      groupId: group.groupId,
      epoch: big,
      person: device.person,
      seq: big,
      prev: new Uint8Array(32).fill(1),
      time: { wall: big, counter: big },
      deps,
      depsHash: new Uint8Array(32).fill(2),
      payload: new Uint8Array(MAX_PAYLOAD_BYTES),
      contentKey: group.key(0),
      signer: device.signer,
      random: countingRandom(),
    });
    expect(sealed.bytes.length).toBeLessThanOrEqual(MAX_BLOB_BYTES);
    // The bound is not wasteful: a max-size header is within a few hundred bytes of it.
    expect(MAX_BLOB_BYTES - sealed.bytes.length).toBeLessThan(600);
    // Max payload + framing must still fit a 64 KiB data-channel frame.
    expect(MAX_BLOB_BYTES + 1024).toBeLessThanOrEqual(64 * 1024);
  });

  it('ids are SHA-256 of the whole blob; depsHash is a labelled hash of the ids in order', () => {
    const a = new Uint8Array(32).fill(1);
    const b = new Uint8Array(32).fill(2);
    expect(blobId(new Uint8Array([1, 2, 3]))).toEqual(hash(new Uint8Array([1, 2, 3])));
    expect(depsHash([a, b])).toEqual(labelledHash('fellows/v1/deps', a, b));
    expect(toHex(depsHash([a, b]))).not.toBe(toHex(depsHash([b, a])));
  });
});
