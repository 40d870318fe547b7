import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { certifyDevice, signName } from '../identity/keys.ts';
import { makePerson, seeded, testEd } from '../testing/people.ts';
import { decodeLinkOffer, encodeLinkOffer, type LinkOffer } from './code.ts';
import {
  decodeLinkedGroups,
  encodeLinkedGroups,
  linkCheckCode,
  openLinkAnswer,
  openLinkRequest,
  sealLinkAnswer,
  sealLinkRequest,
  type LinkPackage,
} from './protocol.ts';

const SIGNALING = ['wss://signal.example.org'];

async function setup() {
  const bo = await makePerson(2, 'Bo');
  const offer: LinkOffer = {
    version: 1,
    linkSecret: new Uint8Array(16).fill(5),
    person: bo.person.publicKey,
    expiresAt: 2_000_000_000_000,
    signaling: SIGNALING,
  };
  const random = seeded(9);
  const device = await testEd.signerFromSeed(random(32));
  const box = nacl.box.keyPair.fromSecretKey(random(32));
  const certificate = await certifyDevice(
    bo.person,
    { signing: device.publicKey, box: box.publicKey },
    1,
  );
  const pkg: LinkPackage = {
    personSeed: bo.personSeed,
    name: bo.name,
    certificate,
    groups: [
      {
        genesis: new Uint8Array(40).fill(1),
        signaling: SIGNALING,
        secrets: [],
        membershipKeys: [{ epoch: 3, key: new Uint8Array(32).fill(9) }],
      },
    ],
  };
  const seal = (p: LinkPackage, to = box.publicKey, forDevice = device.publicKey) =>
    sealLinkAnswer({
      answer: { kind: 'linked', device: forDevice, package: p },
      offer,
      to,
      from: bo.box,
      random,
    });
  return { bo, offer, device, box, pkg, seal, me: { device: device.publicKey, box } };
}

describe('device link protocol', () => {
  it('an offer round-trips through its code; the check code is the same on both sides', async () => {
    const { offer, device, box } = await setup();
    expect(decodeLinkOffer(` ${encodeLinkOffer(offer)}\n`, 0)).toEqual(offer);
    const { sealed, request } = await sealLinkRequest({
      offer,
      device,
      box: box.publicKey,
      now: 5,
      random: seeded(3),
    });
    const opened = await openLinkRequest(sealed, offer, testEd);
    expect(opened).toEqual(request);
    expect(linkCheckCode(offer, opened!)).toMatch(/^\d{3} \d{3}$/);
    expect(linkCheckCode(offer, opened!)).toBe(linkCheckCode(offer, request));
  });

  it('refuses requests that are damaged, oversized, foreign or not signed by their device', async () => {
    const { offer, device, box } = await setup();
    const { sealed } = await sealLinkRequest({
      offer,
      device,
      box: box.publicKey,
      now: 5,
      random: seeded(3),
    });
    const flipped = sealed.slice();
    flipped[40]! ^= 1;
    const other = { linkSecret: new Uint8Array(16).fill(6) };
    for (const bytes of [flipped, new Uint8Array(5000), 'text', null, sealed.subarray(0, 30)]) {
      expect(await openLinkRequest(bytes, offer, testEd)).toBeNull();
    }
    expect(await openLinkRequest(sealed, other, testEd)).toBeNull();
    // Signed by another key than the device it names.
    const impostor = await testEd.signerFromSeed(new Uint8Array(32).fill(8));
    const forged = await sealLinkRequest({
      offer,
      device: { publicKey: device.publicKey, sign: (m) => impostor.sign(m) },
      box: box.publicKey,
      now: 5,
      random: seeded(4),
    });
    expect(await openLinkRequest(forged.sealed, offer, testEd)).toBeNull();
  });

  it('opens the answer for this device only, and only with the person key the offer named', async () => {
    const { offer, pkg, seal, me, bo } = await setup();
    const answer = await openLinkAnswer(seal(pkg), offer, me, testEd);
    expect(answer?.kind === 'linked' && answer.package.groups).toHaveLength(1);
    // Someone else's person key, a certificate by someone else, a name by someone else.
    const cy = await makePerson(3, 'Cy');
    const wrong = [
      { ...pkg, personSeed: cy.personSeed },
      {
        ...pkg,
        certificate: await certifyDevice(
          cy.person,
          { signing: me.device, box: me.box.publicKey },
          1,
        ),
      },
      { ...pkg, name: await signName(cy.person, 'Bo', 1) },
      { ...pkg, certificate: { ...pkg.certificate, box: bo.box.publicKey } },
    ];
    for (const p of wrong) expect(await openLinkAnswer(seal(p), offer, me, testEd)).toBeNull();
    // Boxed to another device's key, or addressed to another device.
    expect(await openLinkAnswer(seal(pkg, bo.box.publicKey), offer, me, testEd)).toBeNull();
    expect(
      await openLinkAnswer(seal(pkg, me.box.publicKey, bo.device.publicKey), offer, me, testEd),
    ).toBeNull();
    const damaged = seal(pkg);
    damaged[damaged.length - 5]! ^= 1;
    expect(await openLinkAnswer(damaged, offer, me, testEd)).toBeNull();
    expect(await openLinkAnswer(new Uint8Array(300_000), offer, me, testEd)).toBeNull();
  });

  it('keeps handed-over groups for later, and refuses a package too large to send', async () => {
    const { pkg, seal } = await setup();
    expect(decodeLinkedGroups(encodeLinkedGroups(pkg.groups))).toEqual(pkg.groups);
    const huge = Array.from({ length: 40 }, () => ({
      genesis: new Uint8Array(8000),
      signaling: SIGNALING,
      secrets: [],
      membershipKeys: [],
    }));
    expect(() => seal({ ...pkg, groups: huge })).toThrow(/Too many groups/);
  });
});
