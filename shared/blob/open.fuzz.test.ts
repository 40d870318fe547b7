// Fuzzing openBlob and openHeader with random bytes and mutations of valid blobs. Whatever a
// peer sends, opening must answer with a typed refusal (or, for an untouched blob, the same
// success as before): never a throw, never a hang.
//   FELLOWS_FUZZ_RUNS=200000 npx vitest run shared/blob/open.fuzz   — a longer run
//   FELLOWS_FUZZ_SEED=1234 …                                          — another sequence
import { describe, expect, it } from 'vitest';
import { concatBytes, equalBytes } from '../crypto/bytes.ts';
import { webCryptoEd25519 } from '../crypto/ed25519.ts';
import { MAX_BLOB_BYTES, blobId, signedMessage, type BlobRejectReason } from './format.ts';
import { openBlob, openHeader, type OpenResult } from './open.ts';
import { sealBlob } from './seal.ts';
import { countingRandom, sealChain, testDevice, testGroup } from './testing.ts';

// Tests run in Node; `process` is off limits to shared/ code, not to its test knobs.
const env = globalThis.process.env;
const RUNS = Math.max(10_000, Number(env.FELLOWS_FUZZ_RUNS ?? 0) || 0);
const SEED = Number(env.FELLOWS_FUZZ_SEED ?? 0x5eed) >>> 0;
const BATCH = 32; // WebCrypto verifies on a thread pool: keep a few in flight

const ed = webCryptoEd25519(globalThis.crypto);
const group = testGroup('fuzz');
const context = group.context(ed);
const device = await testDevice(ed, 8);

// Valid seeds, built once: a first blob, a later one with deps, a membership op, a large one.
const [first, second] = await sealChain(group, device, 2);
const withDeps = await sealBlob({
  kind: 'membership',
  groupId: group.groupId,
  epoch: 2,
  person: device.person,
  seq: 3,
  prev: second!.id,
  time: { wall: 1_800_000_000_000, counter: 70_000 },
  deps: [
    { device: 0, seq: 1 },
    { device: 7, seq: 300 },
    { device: 40_000, seq: 2 },
  ],
  depsHash: new Uint8Array(32).fill(9),
  payload: new Uint8Array(300).fill(0x42),
  contentKey: group.key(2),
  signer: device.signer,
  random: countingRandom(),
});
const large = (await sealChain(group, device, 1, { payload: () => new Uint8Array(5000) }))[0]!;
const seeds = [first!.bytes, second!.bytes, withDeps.bytes, large.bytes];
const seedResults = await Promise.all(seeds.map((s) => openBlob(s, context)));

/** mulberry32: small, fast and reproducible from one 32-bit seed. */
function prng(seed: number): (below: number) => number {
  let a = seed;
  return (below) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

type Case = { input: Uint8Array; resigned: boolean; how: string };

function makeCase(rand: (below: number) => number): Case {
  const bytesOf = (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = rand(256);
    return out;
  };
  const seed = seeds[rand(seeds.length)]!;
  const at = (b: Uint8Array) => rand(b.length + 1);
  const pick = rand(100);
  if (pick < 15) {
    // Random bytes, some dressed as version 1 of a known kind to get past the first checks.
    const size = rand(10) === 0 ? MAX_BLOB_BYTES - 5 + rand(10) : rand(2048);
    const input = bytesOf(size);
    if (size > 1 && rand(2) === 0) input.set([1, rand(2)]);
    return { input, resigned: false, how: 'random' };
  }
  const input = mutate(seed, pick, rand, bytesOf, at);
  // Some mutants are re-signed by the device: a member sending garbage on purpose.
  if (rand(8) === 0 && input.length > 64) return { input, resigned: true, how: 'resigned' };
  return { input, resigned: false, how: 'mutated' };
}

function mutate(
  seed: Uint8Array,
  pick: number,
  rand: (below: number) => number,
  bytesOf: (n: number) => Uint8Array,
  at: (b: Uint8Array) => number,
): Uint8Array {
  const out = seed.slice();
  if (pick < 40) {
    for (let flips = 1 + rand(4); flips > 0; flips--) {
      const i = rand(out.length);
      out[i] = (out[i] ?? 0) ^ (1 << rand(8));
    }
    return out;
  }
  if (pick < 50) return seed.slice(0, rand(seed.length));
  if (pick < 60) {
    const i = at(seed);
    return concatBytes(seed.subarray(0, i), bytesOf(1 + rand(16)), seed.subarray(i));
  }
  if (pick < 70) {
    const i = rand(out.length);
    const j = rand(out.length);
    [out[i], out[j]] = [out[j] ?? 0, out[i] ?? 0];
    return out;
  }
  if (pick < 80) {
    const other = seeds[rand(seeds.length)]!;
    return concatBytes(seed.subarray(0, at(seed)), other.subarray(at(other)));
  }
  if (pick < 90) {
    const i = rand(out.length);
    out[i] = [0x00, 0x01, 0x7f, 0x80, 0xff][rand(5)]!;
    return out;
  }
  const i = at(seed);
  return concatBytes(seed.subarray(0, i), seed.subarray(Math.min(seed.length, i + 1 + rand(40))));
}

async function resign(bytes: Uint8Array): Promise<Uint8Array> {
  const body = bytes.subarray(0, bytes.length - 64);
  return concatBytes(body, await device.signer.sign(signedMessage(body)));
}

const REASONS: readonly BlobRejectReason[] = [
  'not-bytes',
  'oversized',
  'truncated',
  'malformed',
  'unsupported-version',
  'wrong-group',
  'unknown-epoch',
  'bad-signature',
  'bad-mac',
];

/** What is wrong with this answer, if anything (plain checks: expect() per case is slow). */
function problem(c: Case, result: OpenResult): string | undefined {
  const header = openHeader(c.input);
  if (!result.ok) {
    if (!REASONS.includes(result.reason)) return `unknown reason ${result.reason}`;
    // The keyless checks come first, so a header refusal is the blob's refusal too.
    if (!header.ok && header.reason !== result.reason) {
      return `openHeader says ${header.reason}, openBlob ${result.reason}`;
    }
    return undefined;
  }
  if (!header.ok) return `openBlob accepted what openHeader refused (${header.reason})`;
  if (!equalBytes(result.blob.id, blobId(c.input))) return 'id is not the hash of the bytes';
  if (c.resigned) {
    // Its device signed it, so any header it likes is fine; the payload must be untouched.
    const same = seedResults.some((r) => r.ok && equalBytes(r.blob.payload, result.blob.payload));
    return same ? undefined : 'a re-signed mutant decrypted to a new payload';
  }
  // Unsigned changes can only succeed by changing nothing.
  const seed = seeds.findIndex((s) => equalBytes(s, c.input));
  if (seed < 0) return 'accepted a changed blob';
  expect(result).toEqual(seedResults[seed]);
  return undefined;
}

describe('openBlob under fuzzing', () => {
  it(`answers ${RUNS} random and mutated inputs with typed results only`, async () => {
    expect(seedResults.every((r) => r.ok)).toBe(true);
    const rand = prng(SEED);
    const seen = new Map<string, number>();
    for (let done = 0; done < RUNS; done += BATCH) {
      const cases = Array.from({ length: Math.min(BATCH, RUNS - done) }, () => makeCase(rand));
      const inputs = await Promise.all(
        cases.map(async (c) => (c.resigned ? { ...c, input: await resign(c.input) } : c)),
      );
      const results = await Promise.all(
        inputs.map((c, i) =>
          openBlob(c.input, context).catch((error: unknown) => {
            throw new Error(`seed ${SEED}, case ${done + i} (${c.how}) threw: ${String(error)}`);
          }),
        ),
      );
      for (const [i, result] of results.entries()) {
        const c = inputs[i]!;
        const wrong = problem(c, result);
        if (wrong) expect.fail(`seed ${SEED}, case ${done + i} (${c.how}): ${wrong}`);
        const key = result.ok ? 'ok' : result.reason;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    // The mutants must reach every layer: parsing, the signature, and (re-signed) the keys.
    for (const reason of ['truncated', 'malformed', 'unsupported-version', 'oversized']) {
      expect(seen.get(reason) ?? 0, reason).toBeGreaterThan(0);
    }
    for (const reason of ['bad-signature', 'bad-mac', 'ok']) {
      expect(seen.get(reason) ?? 0, reason).toBeGreaterThan(0);
    }
    console.info(`blob fuzz: ${RUNS} inputs, seed ${SEED}:`, Object.fromEntries(seen));
  }, 120_000);
});
