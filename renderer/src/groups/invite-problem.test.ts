import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { encodeInvite, inviteLink, type Invite } from '../../../shared/invite/code.ts';
import { encodeLinkOffer } from '../../../shared/link/code.ts';
import { inviteProblem } from './invite-problem.ts';

const NOW = 1_800_000_000_000;
const invite = (expiresAt: number | null = NOW + 60_000): Invite => ({
  version: 1,
  groupId: new Uint8Array(32).fill(7),
  inviteSecret: new Uint8Array(16).fill(1),
  inviter: new Uint8Array(32).fill(2),
  expiresAt,
  groupName: 'Book club',
  signaling: ['wss://signal.example.org'],
});
const nobody = () => false;
const kind = (input: string, member: (id: string) => boolean = nobody) =>
  inviteProblem(input, NOW, member)?.kind ?? null;

describe('checking a pasted invite before joining', () => {
  it('accepts a good link or code, with white space around or inside', () => {
    expect(kind(inviteLink(invite()))).toBeNull();
    const code = encodeInvite(invite());
    expect(kind(`  ${code.slice(0, 50)}\n${code.slice(50)}  `)).toBeNull();
  });

  it('names each way it can be wrong', () => {
    expect(kind('   ')).toBe('empty');
    expect(kind('hello there')).toBe('not-an-invite');
    expect(kind('https://example.org/not-an-invite')).toBe('other-link');
    expect(kind('x'.repeat(3000))).toBe('too-long');
    expect(kind('fellows://join/abc$def')).toBe('bad-encoding');
    const code = encodeInvite(invite());
    const typo = code.slice(0, 40) + (code[40] === 'A' ? 'B' : 'A') + code.slice(41);
    expect(kind(typo)).toBe('bad-checksum');
    expect(['bad-checksum', 'bad-encoding']).toContain(kind(code.slice(0, -4)));
  });

  it('says when it expired', () => {
    const expired = inviteProblem(inviteLink(invite(NOW - 1)), NOW, nobody);
    expect(expired).toEqual({ kind: 'expired', expiredAt: NOW - 1 });
  });

  it('recognises a device link code pasted where an invite goes', () => {
    const offer = encodeLinkOffer({
      version: 1,
      linkSecret: new Uint8Array(16).fill(3),
      person: new Uint8Array(32).fill(4),
      expiresAt: NOW + 60_000,
      signaling: ['wss://signal.example.org'],
    });
    expect(kind(offer)).toBe('device-link');
    expect(kind(offer.replace('fellows://link/', ''))).toBe('device-link');
    expect(inviteProblem(offer, NOW + 120_000, nobody)?.kind).toBe('device-link');
  });

  it('notices a group this device is already in', () => {
    const id = toHex(new Uint8Array(32).fill(7));
    expect(inviteProblem(inviteLink(invite()), NOW, (g) => g === id)).toEqual({
      kind: 'already-member',
      groupId: id,
    });
  });
});
