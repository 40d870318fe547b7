// The blob layer's costs (shared/blob) in Node: WebCrypto Ed25519, tweetnacl secretbox,
// @noble/hashes SHA-256. Seal + open and open alone of 200-byte payloads (a chat message),
// and catch-up of one device's 100k-blob chain (DESIGN §5: one signature, then hash
// backwards), verified alone and verified + decrypted.
import nacl from 'tweetnacl';
import { webCryptoEd25519, type Signer } from '../shared/crypto/ed25519.ts';
import { noPrevious } from '../shared/blob/format.ts';
import { openBlob } from '../shared/blob/open.ts';
import { openRange, verifyRange } from '../shared/blob/range.ts';
import { sealBlob, type SealInput } from '../shared/blob/seal.ts';
import { testDevice, testGroup } from '../shared/blob/testing.ts';
import { percentile, report, sample } from './report.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const group = testGroup('bench');
const context = group.context(ed);
const device = await testDevice(ed, 1);
const payload = nacl.randomBytes(200);

/** A realistic header: one dep with its hash, a current clock reading. */
function input(seq: number, prev: Uint8Array, signer: Signer = device.signer): SealInput {
  return {
    kind: 'content',
    groupId: group.groupId,
    epoch: 0,
    person: device.person,
    seq,
    prev,
    time: { wall: 1_800_000_000_000 + seq, counter: 0 },
    deps: [{ device: 3, seq }],
    depsHash: new Uint8Array(32).fill(7),
    payload,
    contentKey: group.key(0),
    signer,
    random: (length) => nacl.randomBytes(length),
  };
}

async function mustOpen(bytes: Uint8Array): Promise<void> {
  const opened = await openBlob(bytes, context);
  if (!opened.ok) throw new Error(`bench blob refused: ${opened.reason}`);
}

/** Runs `run` one call at a time, as a single writer or reader would; returns calls per second. */
async function perSecond(count: number, run: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < 200; i++) await run(i); // warm up the JIT and the key cache
  const start = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  return count / ((performance.now() - start) / 1000);
}

const N = 3000;
const sealOpen = await perSecond(N, async () => {
  await mustOpen((await sealBlob(input(1, noPrevious()))).bytes);
});
report({ bench: 'core', metric: 'seal_open_per_s', value: sealOpen, unit: 'ops/s' });

const blobs: Uint8Array[] = [];
for (let i = 0; i < N; i++) blobs.push((await sealBlob(input(1, noPrevious()))).bytes);
const openOnly = await perSecond(N, (i) => mustOpen(blobs[i % N] ?? new Uint8Array()));
report({ bench: 'core', metric: 'open_per_s', value: openOnly, unit: 'ops/s' });

// A 100k chain. Only its last signature is ever checked, so the earlier blobs are signed by
// a junk signer to build it in seconds rather than a minute. What is timed below is the
// real verifyRange: parse every blob, check one signature, hash every blob, check links.
const CHAIN = 100_000;
const junk: Signer = {
  publicKey: device.signer.publicKey,
  sign: () => Promise.resolve(new Uint8Array(64)),
};
const chain: Uint8Array[] = [];
let prev = noPrevious();
for (let seq = 1; seq <= CHAIN; seq++) {
  const blob = await sealBlob(input(seq, prev, seq < CHAIN ? junk : device.signer));
  chain.push(blob.bytes);
  prev = blob.id;
}

const verified = await sample(
  5,
  async () => {
    const result = await verifyRange(chain, ed);
    if (!result.ok) throw new Error(`chain refused at ${result.index}: ${result.reason}`);
  },
  1,
);
report({
  bench: 'core',
  metric: 'verify_chain_100k_ms',
  value: percentile(verified, 50),
  unit: 'ms',
});

const opened = await sample(
  3,
  async () => {
    const result = await openRange(chain, context);
    if (!result.ok) throw new Error(`chain refused at ${result.index}: ${result.reason}`);
  },
  1,
);
report({ bench: 'core', metric: 'open_range_100k_ms', value: percentile(opened, 50), unit: 'ms' });
