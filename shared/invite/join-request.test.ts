import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../crypto/bytes.ts';
import { webCryptoEd25519, type Signer } from '../crypto/ed25519.ts';
import { boxKeyPairFromSecret, certifyDevice, signName } from '../identity/keys.ts';
import type { Invite } from './code.ts';
import {
  joinKeys,
  MAX_JOIN_REQUEST_BYTES,
  openJoinRequest,
  sealJoinRequest,
  type JoinRejectReason,
} from './join-request.ts';

const ed = webCryptoEd25519(globalThis.crypto);
const filled = (length: number, value: number) => new Uint8Array(length).fill(value);

/** Deterministic "random" bytes: a counter, so every call differs and tests repeat exactly. */
function counter(): (length: number) => Uint8Array {
  let next = 0;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

const invite: Invite = {
  version: 1,
  groupId: filled(32, 1),
  inviteSecret: filled(16, 2),
  inviter: filled(32, 3),
  expiresAt: null,
  groupName: 'Allotment crew',
  signaling: ['wss://signal.example.org'],
};

describe('join requests', async () => {
  const person = await ed.signerFromSeed(filled(32, 10));
  const device = await ed.signerFromSeed(filled(32, 11));
  const otherPerson = await ed.signerFromSeed(filled(32, 12));
  const otherDevice = await ed.signerFromSeed(filled(32, 13));
  const box = boxKeyPairFromSecret(filled(32, 14)).publicKey;
  const certificate = await certifyDevice(person, { signing: device.publicKey, box }, 1_700);
  const name = await signName(person, 'Ada', 1_700);
  const honest = { invite, name, certificate, deviceSigner: device, now: 1_800 };
  const sealed = await sealJoinRequest({ ...honest, random: counter() });

  async function reasonOf(bytes: unknown, forInvite: Invite = invite) {
    const result = await openJoinRequest(bytes, forInvite, ed);
    return result.ok ? 'ok' : result.reason;
  }

  /** Changes the sealed plaintext and seals it again with the right key (as a member could). */
  function resealed(change: (plaintext: Uint8Array) => Uint8Array): Uint8Array {
    const { key } = joinKeys(invite);
    const plaintext = nacl.secretbox.open(sealed.subarray(24), sealed.subarray(0, 24), key)!;
    const nonce = filled(24, 7);
    return concatBytes(nonce, nacl.secretbox(change(plaintext.slice()), nonce, key));
  }

  it('round-trip: the member sees who asks, from which device, and when', async () => {
    const result = await openJoinRequest(sealed, invite, ed);
    expect(result).toEqual({
      ok: true,
      request: {
        groupId: invite.groupId,
        name,
        certificate,
        requestedAt: 1_800,
        // The counter's first 16 bytes: the request nonce is drawn before the box nonce.
        nonce: Uint8Array.from({ length: 16 }, (_, i) => i),
      },
    });
    expect(sealed.length).toBeLessThan(1_000);
  });

  it('are unique per request, and their topic gives nothing away', async () => {
    const random = counter();
    const first = await sealJoinRequest({ ...honest, random });
    const second = await sealJoinRequest({ ...honest, random });
    expect(first).not.toEqual(second);
    const a = await openJoinRequest(first, invite, ed);
    const b = await openJoinRequest(second, invite, ed);
    if (!a.ok || !b.ok) throw new Error('honest requests must open');
    expect(a.request.nonce).not.toEqual(b.request.nonce);

    const { key, topic } = joinKeys(invite);
    expect(key).toHaveLength(32);
    expect(topic).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(joinKeys({ ...invite, inviteSecret: filled(16, 5) }).topic).not.toBe(topic);
    expect(joinKeys({ ...invite, groupId: filled(32, 5) }).topic).not.toBe(topic);
    expect(joinKeys(invite)).toEqual({ key, topic });
  });

  it('bad-mac: sealed for another invite, or any bit flipped anywhere', async () => {
    expect(await reasonOf(sealed, { ...invite, inviteSecret: filled(16, 9) })).toBe('bad-mac');
    expect(await reasonOf(sealed, { ...invite, groupId: filled(32, 9) })).toBe('bad-mac');
    const reasons = new Set<string>();
    for (let bit = 0; bit < sealed.length * 8; bit++) {
      const flipped = sealed.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      reasons.add(await reasonOf(flipped));
    }
    expect([...reasons]).toEqual(['bad-mac']);
  });

  it('device-mismatch: a certificate for another device', async () => {
    const forOther = await certifyDevice(person, { signing: otherDevice.publicKey, box }, 1_700);
    const bytes = await sealJoinRequest({ ...honest, certificate: forOther, random: counter() });
    expect(await reasonOf(bytes)).toBe('device-mismatch');
  });

  it('bad-certificate: a certificate the person did not sign', async () => {
    const forged = { ...certificate, person: otherPerson.publicKey };
    const bytes = await sealJoinRequest({ ...honest, certificate: forged, random: counter() });
    expect(await reasonOf(bytes)).toBe('bad-certificate');
  });

  it('bad-name: a name signed by someone else, or changed after signing', async () => {
    const theirs = await signName(otherPerson, 'Ada', 1_700);
    expect(
      await reasonOf(await sealJoinRequest({ ...honest, name: theirs, random: counter() })),
    ).toBe('bad-name');
    const changed = { ...name, name: 'Eve' };
    expect(
      await reasonOf(await sealJoinRequest({ ...honest, name: changed, random: counter() })),
    ).toBe('bad-name');
  });

  it('bad-signature: the certified device key, but not its signature', async () => {
    const impostor: Signer = { publicKey: device.publicKey, sign: (m) => otherDevice.sign(m) };
    const bytes = await sealJoinRequest({ ...honest, deviceSigner: impostor, random: counter() });
    expect(await reasonOf(bytes)).toBe('bad-signature');
    // Changing what was signed, even with the right key, breaks the signature too.
    const later = resealed((p) => {
      p[p.length - 96 - 1]! ^= 1; // the last byte of the request nonce
      return p;
    });
    expect(await reasonOf(later)).toBe('bad-signature');
  });

  it('wrong-group: a member of another group cannot pass a request on', async () => {
    const bytes = resealed((p) => {
      p.fill(9, 1, 33); // the group id follows the version byte
      return p;
    });
    expect(await reasonOf(bytes)).toBe('wrong-group');
  });

  it('malformed and oversized: anything that is not a request, checked size first', async () => {
    const cases: [unknown, JoinRejectReason][] = [
      [new Uint8Array(MAX_JOIN_REQUEST_BYTES + 1), 'oversized'],
      [concatBytes(sealed, new Uint8Array(MAX_JOIN_REQUEST_BYTES)), 'oversized'],
      [new Uint8Array(0), 'malformed'],
      [sealed.subarray(0, 39), 'malformed'],
      [Array.from(sealed), 'malformed'],
      ['a string', 'malformed'],
      [null, 'malformed'],
      [resealed((p) => p.subarray(0, 50)), 'malformed'],
      [resealed((p) => concatBytes(new Uint8Array([2]), p.subarray(1))), 'malformed'],
      [
        resealed((p) =>
          concatBytes(p.subarray(0, p.length - 96), new Uint8Array([0]), p.subarray(p.length - 96)),
        ),
        'malformed',
      ],
    ];
    for (const [input, reason] of cases) {
      const result = await openJoinRequest(input, invite, ed);
      expect(result).toMatchObject({ ok: false, reason });
      expect(result.ok || result.message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
