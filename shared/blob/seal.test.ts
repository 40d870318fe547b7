import { describe, expect, it } from 'vitest';
import { webCryptoEd25519 } from '../crypto/ed25519.ts';
import { MAX_PAYLOAD_BYTES, noPrevious } from './format.ts';
import { openBlob } from './open.ts';
import { BlobSealError, sealBlob, type SealInput } from './seal.ts';
import { countingRandom, testDevice, testGroup } from './testing.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const group = testGroup('seal');
const device = await testDevice(ed, 2);

const base: SealInput = {
  kind: 'content',
  groupId: group.groupId,
  epoch: 0,
  person: device.person,
  seq: 1,
  prev: noPrevious(),
  time: { wall: 1_700_000_000_000, counter: 0 },
  deps: [],
  payload: new Uint8Array(200),
  contentKey: group.key(0),
  signer: device.signer,
  random: countingRandom(),
};

async function refusal(input: Partial<SealInput>): Promise<BlobSealError> {
  const error: unknown = await sealBlob({ ...base, ...input }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BlobSealError);
  return error as BlobSealError;
}

describe('sealBlob', () => {
  it('seals a payload of exactly MAX_PAYLOAD_BYTES, and refuses one byte more', async () => {
    const largest = await sealBlob({ ...base, payload: new Uint8Array(MAX_PAYLOAD_BYTES) });
    expect((await openBlob(largest.bytes, group.context(ed))).ok).toBe(true);
    const error = await refusal({ payload: new Uint8Array(MAX_PAYLOAD_BYTES + 1) });
    expect(error.problem).toBe('payload-too-large');
    expect(error.name).toBe('BlobSealError');
  });

  it('refuses deps that are unsorted, duplicated, out of range, or without their hash', async () => {
    const hashOfDeps = new Uint8Array(32).fill(3);
    const cases: Partial<SealInput>[] = [
      {
        deps: [
          { device: 4, seq: 1 },
          { device: 2, seq: 1 },
        ],
        depsHash: hashOfDeps,
      },
      {
        deps: [
          { device: 2, seq: 1 },
          { device: 2, seq: 5 },
        ],
        depsHash: hashOfDeps,
      },
      { deps: [{ device: 2 ** 32, seq: 1 }], depsHash: hashOfDeps },
      { deps: [{ device: -1, seq: 1 }], depsHash: hashOfDeps },
      { deps: [{ device: 1, seq: 0 }], depsHash: hashOfDeps },
      { deps: [{ device: 1, seq: 1.5 }], depsHash: hashOfDeps },
      {
        deps: Array.from({ length: 257 }, (_, i) => ({ device: i, seq: 1 })),
        depsHash: hashOfDeps,
      },
      { deps: [{ device: 1, seq: 1 }] },
      { deps: [{ device: 1, seq: 1 }], depsHash: new Uint8Array(31) },
      { deps: [], depsHash: hashOfDeps },
    ];
    for (const input of cases) expect((await refusal(input)).problem).toBe('invalid-header');
  });

  it('refuses chain positions that cannot be right', async () => {
    const prev = new Uint8Array(32).fill(9);
    const cases: Partial<SealInput>[] = [
      { seq: 0 },
      { seq: 1, prev },
      { seq: 2, prev: noPrevious() },
      { seq: 2, prev: prev.subarray(1) },
      { seq: Number.MAX_SAFE_INTEGER + 1, prev },
      { epoch: -1 },
      { time: { wall: Number.NaN, counter: 0 } },
      { groupId: new Uint8Array(16) },
      { kind: 'attachment' as 'content' },
    ];
    for (const input of cases) expect((await refusal(input)).problem).toBe('invalid-header');
  });

  it('refuses a content key of the wrong size and a random source that short-changes it', async () => {
    expect((await refusal({ contentKey: new Uint8Array(16) })).problem).toBe('invalid-key');
    expect((await refusal({ random: (n) => new Uint8Array(n - 1) })).problem).toBe(
      'invalid-random',
    );
  });

  it('uses a fresh nonce from the random source every time', async () => {
    const a = await sealBlob(base);
    const b = await sealBlob(base);
    expect(a.id).not.toEqual(b.id);
  });
});
