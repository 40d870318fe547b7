import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePerson, testEd } from '../testing/people.ts';
import { openHeads, signHeads } from './heads.ts';
import { openPresence, sealPresence } from './presence.ts';

const group = new Uint8Array(32).fill(7);
const otherGroup = new Uint8Array(32).fill(8);
const contentKey = new Uint8Array(32).fill(3);
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

describe('signed heads records', () => {
  it('round-trips a have-vector signed by its device', async () => {
    const ada = await makePerson(1);
    const have = new Map([
      [9, 4],
      [3, 120],
    ]);
    const bytes = await signHeads(ada.device, group, have, 1_700_000_000_123);
    const record = await openHeads(testEd, bytes, group);
    expect(record?.have).toEqual(have);
    expect(record?.issuedAt).toBe(1_700_000_000_123);
    expect(record?.device).toEqual(ada.device.publicKey);
  });

  it('refuses a record for another group, or naming a device that did not sign it', async () => {
    const ada = await makePerson(1);
    const bo = await makePerson(2);
    const bytes = await signHeads(ada.device, group, new Map([[1, 1]]), 5);
    expect(await openHeads(testEd, bytes, otherGroup)).toBeNull();
    // Bo's key in the device slot, Ada's signature: a forgery.
    const forged = bytes.slice();
    forged.set(bo.device.publicKey, 1);
    expect(await openHeads(testEd, forged, group)).toBeNull();
  });

  it('refuses every corruption and never throws on garbage', async () => {
    const ada = await makePerson(1);
    const bytes = await signHeads(
      ada.device,
      group,
      new Map([
        [1, 2],
        [5, 9],
      ]),
      77,
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length * 8 - 1), async (bit) => {
        const bad = bytes.slice();
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expect(await openHeads(testEd, bad, group)).toBeNull();
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (garbage) => {
        expect(await openHeads(testEd, garbage, group)).toBeNull();
      }),
      { numRuns: 500 },
    );
    expect(await openHeads(testEd, new Uint8Array(100_000), group)).toBeNull();
  });
});

describe('sealed presence', () => {
  it('opens only with the content key and names its signing device', async () => {
    const ada = await makePerson(1);
    const state = { at: 42, typing: true, readUpTo: 'abc:12' };
    const bytes = await sealPresence(ada.device, group, contentKey, state, random);
    expect(await openPresence(testEd, bytes, group, contentKey)).toEqual({
      ...state,
      device: ada.device.publicKey,
    });
    expect(await openPresence(testEd, bytes, group, new Uint8Array(32))).toBeNull();
    expect(await openPresence(testEd, bytes, otherGroup, contentKey)).toBeNull();
  });

  it('hides what it says from anyone without the key', async () => {
    const ada = await makePerson(1);
    const bytes = await sealPresence(
      ada.device,
      group,
      contentKey,
      { at: 1, typing: false, readUpTo: 'readmarker-xyz' },
      random,
    );
    expect(new TextDecoder().decode(bytes)).not.toContain('readmarker');
  });

  it('refuses corruption and garbage without throwing', async () => {
    const ada = await makePerson(1);
    const bytes = await sealPresence(
      ada.device,
      group,
      contentKey,
      { at: 1, typing: false, readUpTo: '' },
      random,
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length * 8 - 1), async (bit) => {
        const bad = bytes.slice();
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expect(await openPresence(testEd, bad, group, contentKey)).toBeNull();
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (garbage) => {
        expect(await openPresence(testEd, garbage, group, contentKey)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
