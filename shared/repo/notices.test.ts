import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import { admitOp } from '../group/admission.ts';
import { boxKeyPairFromSecret, certifyDevice } from '../identity/keys.ts';
import { syncAll, threeOf } from '../testing/group-peers.ts';
import { seeded, testEd } from '../testing/people.ts';
import { membershipNotices } from './notices.ts';

describe('membership notices', () => {
  it('say who joined, was made admin, removed or left, and when someone’s devices changed', async () => {
    const { group, ada, bo, cy, clock } = await threeOf();
    const adaPerson = toHex(ada.person.person.publicKey);
    const boPerson = toHex(bo.person.person.publicKey);
    const cyPerson = toHex(cy.person.person.publicKey);
    clock.advance(10);
    await ada.engine.promote(boPerson);
    // Bo gets a second laptop, certified by his person key and admitted by an admin.
    const random = seeded(77);
    const laptop = await testEd.signerFromSeed(random(32));
    const box = boxKeyPairFromSecret(random(32));
    const certificate = await certifyDevice(
      bo.person.person,
      { signing: laptop.publicKey, box: box.publicKey },
      clock.now(),
    );
    clock.advance(10);
    await ada.engine.writeOp(
      admitOp({
        groupId: group.groupId,
        certificate,
        name: bo.person.name,
        inviteSecret: null,
        secrets: [],
      }),
    );
    clock.advance(10);
    await ada.engine.removePerson(cyPerson);
    await syncAll(group.peers);
    clock.advance(10);
    await bo.engine.removePerson(boPerson);
    await syncAll([ada, bo]);
    const notices = membershipNotices(ada.engine, adaPerson);
    expect(notices.map((n) => n.text)).toEqual([
      'Bo joined',
      'Cy joined',
      'You made Bo an admin',
      'Bo added a device. Compare safety numbers.',
      'You removed Cy',
      'Bo left',
    ]);
    expect(notices.filter((n) => n.safety).map((n) => n.text)).toEqual([
      'Bo added a device. Compare safety numbers.',
    ]);
    // Times ascend: they sit between the messages where they happened.
    const times = notices.map((n) => n.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
