import { base64urlnopad } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex, utf8 } from '../crypto/bytes.ts';
import { labelledHash } from '../crypto/hash.ts';
import { writer } from '../codec/wire.ts';
import { parseDisplayName } from '../profile.ts';
import {
  checkInviteUsable,
  decodeInvite,
  describeSignaling,
  encodeInvite,
  InviteError,
  inviteLink,
  MAX_INVITE_INPUT_LENGTH,
  SHORTEST_CODE_LENGTH,
  type Invite,
  type InviteErrorReason,
} from './code.ts';
import { MAX_EXPIRY_MS, MAX_GROUP_NAME_BYTES } from './invite-fields.ts';

const filled = (length: number, value: number) => new Uint8Array(length).fill(value);

const invite: Invite = {
  version: 1,
  groupId: filled(32, 1),
  inviteSecret: filled(16, 2),
  inviter: filled(32, 3),
  expiresAt: Date.UTC(2025, 2, 14, 12),
  groupName: 'Allotment crew 🌱',
  signaling: ['wss://signal.example.org', 'ws://192.168.1.20:4444/'],
};

/** What decodeInvite threw, as its reason (or 'none'); any other exception fails the test. */
function reasonOf(input: unknown): InviteErrorReason | 'none' {
  try {
    decodeInvite(input);
    return 'none';
  } catch (error) {
    if (error instanceof InviteError) return error.reason;
    throw error;
  }
}

/** A link for hand-made bytes, with a correct checksum, to reach the checks behind it. */
function linkOf(body: Uint8Array): string {
  const checksum = labelledHash('fellows/v1/invite-checksum', body).subarray(0, 4);
  return `fellows://join/${base64urlnopad.encode(concatBytes(body, checksum))}`;
}

type Fields = Omit<Invite, 'version' | 'expiresAt'> & { version: number; expiry: number[] };

/** The binary body written field by field, so tests can break any one of them. */
function bodyOf(change: Partial<Fields> = {}): Uint8Array {
  const f: Fields = { ...invite, expiry: [0], ...change };
  const w = writer().u8(f.version).fixed(f.groupId).fixed(f.inviteSecret).fixed(f.inviter);
  for (const byte of f.expiry) w.u8(byte);
  w.string(f.groupName).uint(f.signaling.length);
  for (const url of f.signaling) w.string(url);
  return w.finish();
}

const validUrl = fc
  .tuple(
    fc.constantFrom('ws', 'wss'),
    fc.domain(),
    fc.option(fc.integer({ min: 1, max: 65535 })),
    fc.constantFrom('', '/', '/signal', '/y?room=a'),
  )
  .map(([scheme, host, port, path]) => `${scheme}://${host}${port ? `:${port}` : ''}${path}`)
  .filter((url) => url.length <= 256);

const groupName = fc.string({ unit: 'grapheme', maxLength: 64 }).map((text) => {
  try {
    const name = parseDisplayName(text);
    const fits = utf8(name).length <= MAX_GROUP_NAME_BYTES && !/\p{Cs}/u.test(name);
    return fits ? name : '';
  } catch {
    return '';
  }
});

const validInvite: fc.Arbitrary<Invite> = fc.record({
  version: fc.constant(1 as const),
  groupId: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  inviteSecret: fc.uint8Array({ minLength: 16, maxLength: 16 }),
  inviter: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  expiresAt: fc.option(fc.maxSafeNat().map((n) => n % (MAX_EXPIRY_MS + 1))),
  groupName,
  signaling: fc.array(validUrl, { minLength: 1, maxLength: 4 }),
});

describe('invite codes', () => {
  it('round-trip any valid invite, as a code and as a link', () => {
    fc.assert(
      fc.property(validInvite, (random) => {
        const code = encodeInvite(random);
        expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeInvite(code)).toEqual(random);
        expect(decodeInvite(inviteLink(random))).toEqual(random);
      }),
      { numRuns: 300 },
    );
  });

  it('read a link pasted with white space, a trailing slash or line breaks', () => {
    const link = inviteLink(invite);
    const code = encodeInvite(invite);
    const wrapped = code.replace(/.{40}/g, '$&\r\n');
    expect(decodeInvite(`  \n${link}/\n `)).toEqual(invite);
    expect(decodeInvite(`\t${wrapped}\n`)).toEqual(invite);
    expect(decodeInvite(`fellows://join/\n${wrapped}`)).toEqual(invite);
    expect(decodeInvite(`Fellows://join/${code}`)).toEqual(invite);
  });

  it('never carry an epoch secret, and differ whenever the invite secret does', () => {
    const epochSecret = filled(32, 0xee);
    const withExtra = { ...invite, epochSecret };
    const hex = toHex(base64urlnopad.decode(encodeInvite(withExtra)));
    expect(hex).not.toContain(toHex(epochSecret.subarray(0, 4)));
    expect(Object.keys(decodeInvite(encodeInvite(withExtra))).sort()).toEqual([
      'expiresAt',
      'groupId',
      'groupName',
      'inviteSecret',
      'inviter',
      'signaling',
      'version',
    ]);
    const other = { ...invite, inviteSecret: filled(16, 4) };
    expect(encodeInvite(other)).not.toBe(encodeInvite(invite));
  });

  it('fit the smallest and largest invites between the length bounds', () => {
    const smallest = { ...invite, expiresAt: null, groupName: '', signaling: ['ws://a'] };
    expect(encodeInvite(smallest)).toHaveLength(SHORTEST_CODE_LENGTH);
    const largest: Invite = {
      ...invite,
      expiresAt: MAX_EXPIRY_MS,
      groupName: '𝒜'.repeat(64),
      signaling: Array.from(
        { length: 4 },
        (_, i) => `wss://${'a'.repeat(60)}.example/${String(i).repeat(180)}`,
      ),
    };
    const pasted = `\n ${inviteLink(largest).replace(/.{64}/g, '$&\n')} \n`;
    expect(pasted.length).toBeLessThan(MAX_INVITE_INPUT_LENGTH);
    expect(decodeInvite(pasted)).toEqual(largest);
  });

  it('show the signaling hosts a joiner will contact, without duplicates', () => {
    expect(describeSignaling(invite)).toEqual(['signal.example.org', '192.168.1.20:4444']);
    const twice = { ...invite, signaling: ['wss://a.example', 'wss://A.example:443/x'] };
    expect(describeSignaling(twice)).toEqual(['a.example']);
  });
});

describe('invite errors', () => {
  const code = encodeInvite(invite);

  it('empty: nothing pasted', () => {
    for (const input of ['', '  \n\t', undefined, null, 'fellows://join/', 'fellows://join/ /']) {
      expect(reasonOf(input)).toBe('empty');
    }
  });

  it('not-an-invite: other links, ordinary text, short words', () => {
    for (const input of [
      `https://fellows.example/join/${code}`,
      'fellows://settings/privacy',
      `mailto:ada@example.org?body=${code}`,
      'Hey, want to join our allotment group? It is lovely.',
      'hello',
      code.slice(0, 40),
      42,
      { code },
    ]) {
      expect(reasonOf(input)).toBe('not-an-invite');
    }
  });

  it('too-long: capped before any decoding', () => {
    expect(reasonOf('A'.repeat(10_000))).toBe('too-long');
    expect(reasonOf(`${code}${' '.repeat(MAX_INVITE_INPUT_LENGTH)}`)).toBe('too-long');
  });

  it('bad-encoding: characters no code contains, or an impossible length', () => {
    expect(reasonOf('fellows://join/this is not a code!')).toBe('bad-encoding');
    expect(reasonOf(`fellows://join/${code.slice(0, 50)}=`)).toBe('bad-encoding');
    const impossible = code.length % 4 === 0 ? `${code}A` : `${code.slice(0, -(code.length % 4))}A`;
    expect(reasonOf(impossible)).toBe('bad-encoding');
  });

  it('bad-checksum: a typo in any one character, or a code cut short', () => {
    for (let i = 0; i < code.length; i++) {
      const typo = code[i] === 'x' ? 'y' : 'x';
      const reason = reasonOf(code.slice(0, i) + typo + code.slice(i + 1));
      // The last character also holds padding bits, which base64 refuses to be non-zero.
      const expected = i < code.length - 1 ? ['bad-checksum'] : ['bad-checksum', 'bad-encoding'];
      expect(expected, `typo at ${i}`).toContain(reason);
    }
    const lastGroup = Math.floor(code.length / 4) * 4 - 4;
    expect(reasonOf(code.slice(0, lastGroup))).toBe('bad-checksum');
  });

  it('unsupported-version: a code from a newer Fellows says to update', () => {
    const newer = linkOf(bodyOf({ version: 2 }));
    expect(reasonOf(newer)).toBe('unsupported-version');
    expect(() => decodeInvite(newer)).toThrow(/Update Fellows/);
  });

  it('malformed: trailing bytes, bad fields, non-minimal numbers, disguised names', () => {
    expect(reasonOf(linkOf(concatBytes(bodyOf(), new Uint8Array([0]))))).toBe('malformed');
    expect(reasonOf(linkOf(bodyOf().subarray(0, 60)))).toBe('malformed');
    expect(reasonOf(linkOf(bodyOf({ version: 0 })))).toBe('malformed');
    expect(reasonOf(linkOf(bodyOf({ expiry: [2] })))).toBe('malformed');
    // 5 as a two-byte varint: the same invite must not have two codes.
    expect(reasonOf(linkOf(bodyOf({ expiry: [1, 0x85, 0x00] })))).toBe('malformed');
    expect(reasonOf(linkOf(bodyOf({ groupName: 'Crew\u202eweN' })))).toBe('malformed');
    expect(reasonOf(linkOf(bodyOf({ groupName: ' Crew ' })))).toBe('malformed');
    expect(reasonOf(linkOf(bodyOf({ groupName: 'x'.repeat(65) })))).toBe('malformed');
    expect(reasonOf(linkOf(bodyOf({ inviter: filled(31, 3) })))).toBe('malformed');
  });

  it('bad-signaling-url: hostile or missing servers, whoever encoded them', () => {
    for (const signaling of [
      ['javascript:alert(1)'],
      ['file:///etc/passwd'],
      ['http://signal.example.org'],
      ['wss://ada:hunter2@signal.example.org'],
      [
        'wss://signal.example.org',
        'wss://b.example',
        'wss://c.example',
        'wss://d.example',
        'wss://e.example',
      ],
      [],
      [`wss://${'a'.repeat(300)}.example`],
    ]) {
      expect(reasonOf(linkOf(bodyOf({ signaling }))), signaling.join()).toBe('bad-signaling-url');
      expect(() => encodeInvite({ ...invite, signaling })).toThrow(InviteError);
    }
  });

  it('expired: says on which day, the same in every locale', () => {
    expect(() => {
      checkInviteUsable(invite, Date.UTC(2025, 0, 1));
    }).not.toThrow();
    expect(() => {
      checkInviteUsable({ ...invite, expiresAt: null }, Date.UTC(2099, 0, 1));
    }).not.toThrow();
    try {
      checkInviteUsable(invite, invite.expiresAt ?? 0);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InviteError);
      expect(error).toMatchObject({ reason: 'expired', message: /expired on 2025-03-14/ });
    }
  });

  it('every error has a message a person can act on', () => {
    for (const input of ['', 'hello', 'A'.repeat(10_000), code.slice(0, -2) + 'xx']) {
      expect(() => decodeInvite(input)).toThrow(/[A-Z].+\./);
    }
  });
});
