import { base64urlnopad } from '@scure/base';
import fc from 'fast-check';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { concatBytes, equalBytes } from '../crypto/bytes.ts';
import { webCryptoEd25519 } from '../crypto/ed25519.ts';
import { labelledHash } from '../crypto/hash.ts';
import { boxKeyPairFromSecret, certifyDevice, signName } from '../identity/keys.ts';
import { decodeInvite, encodeInvite, InviteError, inviteLink, type Invite } from './code.ts';
import { joinKeys, openJoinRequest, sealJoinRequest } from './join-request.ts';

/**
 * Fuzzing the two parsers that take input from strangers (the issue asks for ≥ 10,000 cases
 * each): random input and mutations of valid input. Each may only refuse in its documented
 * way — InviteError, or an `{ ok: false }` result — and must answer quickly.
 */
// Cases per parser, shared out between its kinds of input below.

const FUZZ_RUNS = Math.max(10_000, Number(process.env.FELLOWS_FUZZ_RUNS) || 0);
const share = (fraction: number) => Math.ceil(FUZZ_RUNS * fraction);
// A case takes well under 0.2 ms; raised counts get time in proportion.
const timeout = 30_000 + FUZZ_RUNS;
// Far above a real case (well under a millisecond): only a hang or a runaway loop gets here.
const SLOWEST_ALLOWED_MS = 1_000;

const filled = (length: number, value: number) => new Uint8Array(length).fill(value);

type Edit = { kind: (typeof EDIT_KINDS)[number]; at: number; arg: number; fill: number[] };
const EDIT_KINDS = ['flip', 'truncate', 'insert', 'duplicate', 'swap', 'delete'] as const;
const edits = fc.array(
  fc.record({
    kind: fc.constantFrom(...EDIT_KINDS),
    at: fc.nat(),
    arg: fc.nat(),
    fill: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }),
  }),
  { minLength: 1, maxLength: 4 },
);

/** Applies edits to a sequence; `change` flips a byte or swaps in another character. */
function mutate<T>(items: readonly T[], list: Edit[], change: (old: T, arg: number) => T): T[] {
  let out = [...items];
  for (const { kind, at: rawAt, arg, fill } of list) {
    const at = out.length === 0 ? 0 : rawAt % out.length;
    const other = out.length === 0 ? 0 : arg % out.length;
    if (kind === 'flip' && out.length > 0) out[at] = change(out[at]!, arg);
    if (kind === 'truncate') out = out.slice(0, at);
    if (kind === 'insert') out.splice(at, 0, ...fill.map((n) => change(out[at] ?? out[0]!, n)));
    if (kind === 'duplicate') out.splice(at, 0, ...out.slice(at, at + 1 + (arg % 64)));
    if (kind === 'swap' && out.length > 0) [out[at], out[other]] = [out[other]!, out[at]!];
    if (kind === 'delete') out.splice(at, 1 + (arg % 16));
  }
  return out;
}

const mutateBytes = (bytes: Uint8Array, list: Edit[]) =>
  Uint8Array.from(mutate([...bytes], list, (byte, arg) => byte ^ (1 + (arg % 255))));

// What people paste by mistake, plus characters that have broken parsers before.
const CHARS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''),
  ...' \t\r\n/:=+.%#@?&\\'.split(''),
  'é',
  '😀',
  '\u202e',
  '\u0000',
  '\ud800',
  '\ufeff',
];
// UTF-16 units on purpose: a cut between surrogates is one more hostile input.
const mutateText = (text: string, list: Edit[]) =>
  mutate(text.split(''), list, (_, arg) => CHARS[arg % CHARS.length]!).join('');

/** Runs one case and remembers the slowest, so a near-hang fails the test too. */
function timer() {
  let slowest = 0;
  return {
    time<T>(run: () => T): T {
      const start = performance.now();
      try {
        return run();
      } finally {
        slowest = Math.max(slowest, performance.now() - start);
      }
    },
    get slowest() {
      return slowest;
    },
  };
}

describe('decodeInvite under fuzzing', { timeout }, () => {
  const seeds: Invite[] = [
    {
      version: 1,
      groupId: filled(32, 1),
      inviteSecret: filled(16, 2),
      inviter: filled(32, 3),
      expiresAt: Date.UTC(2025, 2, 14),
      groupName: 'Allotment crew 🌱',
      signaling: ['wss://signal.example.org', 'ws://192.168.1.20:4444/y?room=a'],
    },
    {
      version: 1,
      groupId: filled(32, 0xff),
      inviteSecret: filled(16, 0),
      inviter: filled(32, 0x80),
      expiresAt: null,
      groupName: '',
      signaling: ['ws://a', 'wss://[::1]:8443/', 'wss://b.example', 'wss://c.example:1/x'],
    },
  ];
  const codes = seeds.flatMap((seed) => [encodeInvite(seed), inviteLink(seed)]);
  const bodies = seeds.map((seed) => base64urlnopad.decode(encodeInvite(seed)).subarray(0, -4));
  const withChecksum = (body: Uint8Array) =>
    concatBytes(body, labelledHash('fellows/v1/invite-checksum', body).subarray(0, 4));
  const prefix = fc.constantFrom(
    '',
    '',
    'fellows://join/',
    ' FELLOWS://join/',
    'https://',
    'fellows://',
  );
  const clock = timer();
  const quarter = share(1 / 4);

  /** Decodes, allowing only an Invite or an InviteError. */
  function decodesOrRefuses(input: unknown): void {
    clock.time(() => {
      try {
        decodeInvite(input);
      } catch (error) {
        // A plain check in the hot loop: expect() costs more than the decoding.
        if (!(error instanceof InviteError)) expect.fail(`threw ${String(error)}`);
      }
    });
  }

  it(`refuses ${quarter} random strings and values with InviteError only`, () => {
    const text = fc.oneof(
      // Any UTF-16 units, lone surrogates included (fc.string's 'binary' unit is ~30× slower).
      fc.array(fc.nat(0xffff), { maxLength: 300 }).map((units) => String.fromCharCode(...units)),
      fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 400 }),
      // Around the input cap, which is checked before anything else.
      fc.string({ unit: fc.constantFrom(...CHARS), minLength: 2_000, maxLength: 2_100 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(prefix, text, (head, tail) => {
        decodesOrRefuses(typeof tail === 'string' ? head + tail : tail);
      }),
      { numRuns: quarter },
    );
  });

  it(`refuses ${quarter} random byte strings, with and without a valid checksum`, () => {
    const bytes = fc.uint8Array({ maxLength: 1_600 });
    fc.assert(
      fc.property(prefix, bytes, fc.boolean(), fc.boolean(), (head, body, sum, v1) => {
        if (v1 && body.length > 0) body[0] = 1;
        decodesOrRefuses(head + base64urlnopad.encode(sum ? withChecksum(body) : body));
      }),
      { numRuns: quarter },
    );
  });

  it(`refuses ${quarter} mutated codes and links (typos, cuts, pastes, swaps)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), edits, (code, list) => {
        decodesOrRefuses(mutateText(code, list));
      }),
      { numRuns: quarter },
    );
  });

  it(`refuses ${quarter} mutated binary invites, checksum fixed up or not`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...bodies), edits, fc.boolean(), (body, list, fix) => {
        const mutated = mutateBytes(body, list);
        const bytes = fix ? withChecksum(mutated) : concatBytes(mutated, filled(4, 0));
        decodesOrRefuses(`fellows://join/${base64urlnopad.encode(bytes)}`);
      }),
      { numRuns: quarter },
    );
    expect(clock.slowest).toBeLessThan(SLOWEST_ALLOWED_MS);
  });
});

describe('openJoinRequest under fuzzing', { timeout }, async () => {
  // All signing happens here, once: the cases below only open and verify.
  const ed = webCryptoEd25519(globalThis.crypto);
  const invite = { groupId: filled(32, 1), inviteSecret: filled(16, 2) };
  const { key } = joinKeys(invite);
  const person = await ed.signerFromSeed(filled(32, 10));
  const device = await ed.signerFromSeed(filled(32, 11));
  const box = boxKeyPairFromSecret(filled(32, 12)).publicKey;
  const certificate = await certifyDevice(person, { signing: device.publicKey, box }, 1_700);
  let counter = 0;
  const random = (length: number) => Uint8Array.from({ length }, () => counter++ & 0xff);
  const sealed = await Promise.all(
    ['Ada', 'Grace Hopper 👩‍💻', '王小明'].map(async (text) =>
      sealJoinRequest({
        invite,
        name: await signName(person, text, 1_700),
        certificate,
        deviceSigner: device,
        now: 1_800,
        random,
      }),
    ),
  );
  const plaintexts = sealed.map((bytes) =>
    nacl.secretbox.open(bytes.subarray(24), bytes.subarray(0, 24), key)!,
  );
  const nonce = filled(24, 7);
  const fifth = share(1 / 5);
  const twoFifths = share(2 / 5);
  const reseal = (plaintext: Uint8Array) =>
    concatBytes(nonce, nacl.secretbox(plaintext, nonce, key));
  let slowest = 0;

  /** Opens; anything but a refusal must be exactly one of the signed requests. */
  async function opensOrRefuses(input: unknown, signed: Uint8Array[] = []): Promise<void> {
    const start = performance.now();
    const result = await openJoinRequest(input, invite, ed);
    slowest = Math.max(slowest, performance.now() - start);
    if (result.ok) {
      // Only an exact signed request may pass: the signature covers every byte that matters.
      const known = signed.some((original) => equalBytes(original, input as Uint8Array));
      if (!known) expect.fail('accepted a request nobody signed');
    } else if (typeof result.message !== 'string' || result.message === '') {
      expect.fail(`refused without a message: ${result.reason}`);
    }
  }

  it(`refuses ${fifth} random byte strings and values`, async () => {
    const input = fc.oneof(fc.uint8Array({ maxLength: 4_200 }), fc.anything());
    await fc.assert(
      fc.asyncProperty(input, (bytes) => opensOrRefuses(bytes)),
      { numRuns: fifth },
    );
  });

  it(`refuses ${twoFifths} mutated sealed requests`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sealed), edits, (bytes, list) =>
        opensOrRefuses(mutateBytes(bytes, list), sealed),
      ),
      { numRuns: twoFifths },
    );
  });

  it(`refuses ${twoFifths} mutated or random plaintexts sealed with the right key`, async () => {
    const mutated = fc
      .tuple(fc.constantFrom(...plaintexts), edits)
      .map(([p, list]) => mutateBytes(p, list));
    const garbage = fc
      .uint8Array({ maxLength: 1_500 })
      .map((tail) => concatBytes(new Uint8Array([1]), invite.groupId, tail));
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, garbage), (plaintext) =>
        opensOrRefuses(reseal(plaintext), plaintexts.map(reseal)),
      ),
      { numRuns: twoFifths },
    );
    expect(slowest).toBeLessThan(SLOWEST_ALLOWED_MS);
  });
});
