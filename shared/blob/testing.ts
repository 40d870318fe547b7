// Fixtures for the blob tests and benchmark (never for the app: its "random" is a counter):
// a group with keys per epoch, devices that write chains, and ways to sign bytes that
// `sealBlob` would refuse to produce.
import nacl from 'tweetnacl';
import { concatBytes, utf8 } from '../crypto/bytes.ts';
import { writer } from '../codec/wire.ts';
import { derive, labelledHash } from '../crypto/hash.ts';
import { type Ed25519, type Signer } from '../crypto/ed25519.ts';
import { encodeBody, noPrevious, signedMessage, type BlobHeader, type BlobKind } from './format.ts';
import { type OpenContext } from './open.ts';
import { sealBlob, type SealInput, type SealedBlob } from './seal.ts';

let streams = 0;

/** Deterministic, never-repeating bytes: reproducible tests without reusing a nonce. */
export function countingRandom(): (length: number) => Uint8Array {
  const stream = writer().uint(streams++).finish();
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let at = 0; at < length; at += 32) {
      const block = labelledHash('fellows/test/random', stream, writer().uint(counter++).finish());
      out.set(block.subarray(0, length - at), at);
    }
    return out;
  };
}

/** A group as a test sees it: an id and a content key per epoch it holds. */
export type TestGroup = {
  groupId: Uint8Array;
  key(epoch: number): Uint8Array;
  context(ed: Ed25519, epochs?: readonly number[]): OpenContext;
};

export function testGroup(name: string): TestGroup {
  const groupId = labelledHash('fellows/test/group', utf8(name));
  // Derived once per epoch: opening a 100k range looks the key up 100k times.
  const keys = new Map<number, Uint8Array>();
  const key = (epoch: number) => {
    let found = keys.get(epoch);
    if (!found) {
      found = derive(groupId, 'fellows/test/content-key', writer().uint(epoch).finish());
      keys.set(epoch, found);
    }
    return found;
  };
  return {
    groupId,
    key,
    context: (ed, epochs = [0, 1, 2]) => ({
      ed,
      groupId,
      contentKey: (epoch) => (epochs.includes(epoch) ? key(epoch) : undefined),
    }),
  };
}

/** One person's device, writing blobs into groups. */
export type TestDevice = { person: Uint8Array; signer: Signer };

export async function testDevice(ed: Ed25519, seed: number): Promise<TestDevice> {
  const person = await ed.signerFromSeed(new Uint8Array(32).fill(seed));
  const signer = await ed.signerFromSeed(new Uint8Array(32).fill(seed + 100));
  return { person: person.publicKey, signer };
}

export type ChainOptions = {
  epoch?: number;
  kind?: BlobKind;
  payload?: (seq: number) => Uint8Array;
  /** Signs every blob but the last with this instead (a fast path for long chains). */
  signEarlierWith?: Signer;
};

/** Seals `count` blobs of one device's chain, seqs 1…count, each naming the one before. */
export async function sealChain(
  group: TestGroup,
  device: TestDevice,
  count: number,
  options: ChainOptions = {},
): Promise<SealedBlob[]> {
  const random = countingRandom();
  const epoch = options.epoch ?? 0;
  const chain: SealedBlob[] = [];
  let prev = noPrevious();
  for (let seq = 1; seq <= count; seq++) {
    const early = seq < count && options.signEarlierWith;
    const sealed = await sealBlob({
      kind: options.kind ?? 'content',
      groupId: group.groupId,
      epoch,
      person: device.person,
      seq,
      prev,
      time: { wall: 1_700_000_000_000 + seq, counter: 0 },
      deps: [],
      payload: options.payload?.(seq) ?? new Uint8Array([seq & 0xff, 1, 2, 3]),
      contentKey: group.key(epoch),
      signer: early
        ? { publicKey: device.signer.publicKey, sign: (message) => early.sign(message) }
        : device.signer,
      random,
    });
    chain.push(sealed);
    prev = sealed.id;
  }
  return chain;
}

/**
 * Builds and signs a blob with no checks at all, as a hostile or buggy peer could: any
 * header (even one `sealBlob` refuses), any sealed bytes, any signer.
 */
export async function forgeBlob(
  header: BlobHeader,
  sealed: { nonce: Uint8Array; box: Uint8Array },
  signer: Signer,
): Promise<Uint8Array> {
  const body = encodeBody(header, sealed.nonce, sealed.box);
  return concatBytes(body, await signer.sign(signedMessage(body)));
}

/** secretbox of a payload under a key, with a fresh nonce, for `forgeBlob`. */
export function box(
  payload: Uint8Array,
  key: Uint8Array,
  random: (length: number) => Uint8Array,
): { nonce: Uint8Array; box: Uint8Array } {
  const nonce = random(24);
  return { nonce, box: nacl.secretbox(payload, nonce, key) };
}

/** A copy of `bytes` with bit `bit` of byte `at` flipped. */
export function flip(bytes: Uint8Array, at: number, bit = 0): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] ?? 0) ^ (1 << bit);
  return out;
}

/** The same blob body with `signer`'s signature in place of the original one. */
export async function resign(bytes: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const body = bytes.subarray(0, bytes.length - 64);
  return concatBytes(body, await signer.sign(signedMessage(body)));
}

/** A context that counts signature checks and key lookups, to test what opening skips. */
export function spyContext(context: OpenContext): {
  calls: { verify: number; contentKey: number };
  context: OpenContext;
} {
  const calls = { verify: 0, contentKey: 0 };
  const { ed } = context;
  return {
    calls,
    context: {
      groupId: context.groupId,
      ed: {
        name: ed.name,
        signerFromSeed: (seed) => ed.signerFromSeed(seed),
        verify: (...args) => {
          calls.verify++;
          return ed.verify(...args);
        },
      },
      contentKey: (epoch, kind) => {
        calls.contentKey++;
        return context.contentKey(epoch, kind);
      },
    },
  };
}

/** The blobs the openBlob tests share: Alice's first blob, and a second one with deps. */
export async function openFixtures(ed: Ed25519) {
  const group = testGroup('open');
  const alice = await testDevice(ed, 3);
  const random = countingRandom();
  const payload = new Uint8Array(200).map((_, i) => i);
  const input: SealInput = {
    kind: 'content',
    groupId: group.groupId,
    epoch: 1,
    person: alice.person,
    seq: 1,
    prev: noPrevious(),
    time: { wall: 1_700_000_000_000, counter: 3 },
    deps: [],
    payload,
    contentKey: group.key(1),
    signer: alice.signer,
    random,
  };
  const valid = await sealBlob(input);
  const withDeps = await sealBlob({
    ...input,
    kind: 'membership',
    seq: 2,
    prev: valid.id,
    deps: [
      { device: 0, seq: 4 },
      { device: 300, seq: 200 },
    ],
    depsHash: new Uint8Array(32).fill(5),
  });
  const header: BlobHeader = {
    kind: input.kind,
    groupId: input.groupId,
    epoch: input.epoch,
    person: input.person,
    device: alice.signer.publicKey,
    seq: input.seq,
    prev: input.prev,
    time: input.time,
    deps: input.deps,
  };
  return {
    group,
    otherGroup: testGroup('other'),
    alice,
    mallory: await testDevice(ed, 4),
    random,
    payload,
    input,
    header,
    valid,
    withDeps,
  };
}
