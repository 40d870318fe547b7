import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import { activePeople } from '../membership/state.ts';
import {
  deliverAll,
  join,
  syncAll,
  threeOf,
  transcript,
  type Peer,
} from '../testing/group-peers.ts';
import { MembershipError, NotAMemberError } from './engine.ts';

const personOf = (peer: Peer) => toHex(peer.person.person.publicKey);
const texts = (peer: Peer) => transcript(peer).map((line) => line.split(': ')[1]);
const current = (peer: Peer) => peer.engine.members().current;

describe('removing someone from a group', () => {
  it('starts an epoch the removed person cannot read; the rest talk on', async () => {
    const { ada, bo, cy } = await threeOf();
    await ada.engine.send({ text: 'before' });
    await syncAll([ada, bo, cy]);
    await ada.engine.removePerson(personOf(cy));
    const epoch = current(ada);
    expect(epoch).not.toBe(0);
    await ada.engine.send({ text: 'after, for Bo' });
    await syncAll([ada, bo, cy]);
    // Bo opened his box of the keyring and reads on; Cy sees that he is out, and nothing new.
    expect(current(bo)).toBe(epoch);
    expect(texts(bo)).toEqual(['before', 'after, for Bo']);
    expect(texts(cy)).toEqual(['before']);
    expect(cy.engine.core().keys.has(epoch)).toBe(false);
    expect(cy.engine.members().people.get(personOf(cy))?.removed?.reason).toBe('removed');
    // Cy's app cannot write any more; were it to, nobody would accept it (pinned).
    await expect(cy.engine.send({ text: 'still here?' })).rejects.toThrow(NotAMemberError);
    await bo.engine.send({ text: 'bye Cy' });
    await syncAll([ada, bo, cy]);
    expect(texts(ada)).toEqual(['before', 'after, for Bo', 'bye Cy']);
    expect(texts(cy)).toEqual(['before']);
  });

  it('a member who was away moves to the new epoch when they come back', async () => {
    const { ada, bo, cy } = await threeOf();
    // Bo is offline: Ada removes Cy and writes on.
    await ada.engine.removePerson(personOf(cy));
    await ada.engine.send({ text: 'while Bo was away' });
    await deliverAll(ada, cy);
    // Bo returns and meets Ada (the keyring is in the old epoch, which he can read).
    await deliverAll(ada, bo);
    expect(current(bo)).toBe(current(ada));
    expect(texts(bo)).toEqual(['while Bo was away']);
    await bo.engine.send({ text: 'back' });
    await deliverAll(bo, ada);
    expect(texts(ada)).toEqual(['while Bo was away', 'back']);
  });

  it('refuses what a removed device wrote after its pin, whatever the arrival order', async () => {
    const { ada, bo, cy } = await threeOf();
    // Cy writes while Ada, who has not seen it, removes him: Cy's message is after his pin.
    await cy.engine.send({ text: 'concurrent' });
    await ada.engine.removePerson(personOf(cy));
    // Bo gets Cy's message first, then the removal: he must drop it again (a rebuild).
    await deliverAll(cy, bo);
    expect(texts(bo)).toEqual(['concurrent']);
    await deliverAll(ada, bo);
    expect(texts(bo)).toEqual([]);
    // And Ada, who gets it after the removal, never shows it.
    await deliverAll(cy, ada);
    expect(texts(ada)).toEqual([]);
    expect(ada.engine.core().state.rejections.some((r) => r.reason === 'removed')).toBe(true);
  });

  it('leaving: the others rotate before they write again', async () => {
    const { ada, bo, cy } = await threeOf();
    await cy.engine.removePerson(personOf(cy));
    await syncAll([ada, bo, cy]);
    expect(
      activePeople(ada.engine.members())
        .map((p) => p.name.name)
        .sort(),
    ).toEqual(['Ada', 'Bo']);
    expect(current(ada)).toBe(0);
    await bo.engine.send({ text: 'Cy left' });
    await syncAll([ada, bo, cy]);
    expect(current(ada)).not.toBe(0);
    expect(current(ada)).toBe(current(bo));
    expect(texts(ada)).toEqual(['Cy left']);
    expect(texts(cy)).toEqual([]);
  });

  it('a member cannot remove or promote; an admin can promote', async () => {
    const { ada, bo, cy } = await threeOf();
    // The app refuses to try; an op written anyway (a modified app) has no effect anywhere.
    await expect(bo.engine.removePerson(personOf(cy))).rejects.toThrow(MembershipError);
    await expect(bo.engine.promote(personOf(bo))).rejects.toThrow(MembershipError);
    await bo.engine.writeOp({ type: 'remove', person: cy.person.person.publicKey, pins: [] });
    await bo.engine.writeOp({ type: 'promote', person: bo.person.person.publicKey });
    await syncAll([ada, bo, cy]);
    expect(activePeople(ada.engine.members()).length).toBe(3);
    expect(ada.engine.members().people.get(personOf(bo))?.role).toBe('member');
    await ada.engine.promote(personOf(bo));
    await syncAll([ada, bo, cy]);
    expect(cy.engine.members().people.get(personOf(bo))?.role).toBe('admin');
  });
});

/** Sends `from`'s own chain's blobs that `to` lacks, none it relays. */
async function deliverOwn(from: Peer, to: Peer): Promise<void> {
  const have = new Set(to.storage.blobs.map((b) => b.id));
  const own = from.engine.core().me.clientId;
  const missing = from.storage.blobs.filter((b) => b.clientId === own && !have.has(b.id));
  await to.engine.receive(missing.map((b) => b.bytes));
}

describe('an admission that crossed a rotation', () => {
  it('a message that depends on the void device’s blob does not wait for it', async () => {
    const { group, ada, bo, cy, clock } = await threeOf();
    const dee = await join(group, ada, 4, 'Dee', clock.now);
    await syncAll(group.peers);
    // Ada removes Dee (a rotation) while Bo, who has not seen it, lets P5 in: void.
    await ada.engine.removePerson(personOf(dee));
    group.inviteSecret = new Uint8Array(16).fill(9);
    await bo.engine.writeOp({
      type: 'invite',
      inviteSecret: group.inviteSecret,
      expiresAt: null,
      singleUse: false,
    });
    const p5 = await join(group, bo, 6, 'P5', clock.now);
    await p5.engine.send({ text: 'hello from P5' });
    // Cy, who has not seen the rotation either, takes P5's message and answers after it.
    await deliverAll(bo, cy);
    await deliverAll(p5, cy);
    await cy.engine.send({ text: 'welcome P5' });
    const clientId = (peer: Peer) => peer.engine.core().me.clientId;
    // Cy's message depends on Bo's admission of P5 and on P5's message. Ada gets it first;
    // the dep on P5 comes first (a lower clientID), so it waits on P5's chain.
    expect(clientId(p5)).toBeLessThan(clientId(bo));
    await deliverOwn(cy, ada);
    expect(texts(ada)).not.toContain('welcome P5');
    // Bo's admission of P5 comes: it crossed Ada's rotation, so P5's chain is void, and Cy's
    // message goes on without P5's.
    await deliverOwn(bo, ada);
    expect(ada.engine.members().devices.has(toHex(p5.person.device.publicKey))).toBe(false);
    expect(texts(ada)).toContain('welcome P5');
    await deliverAll(p5, ada);
    expect(texts(ada)).not.toContain('hello from P5');
    // Everyone ends the same: P5 out, Cy's message kept, P5's gone.
    await syncAll(group.peers);
    for (const peer of [ada, bo, cy]) {
      expect(texts(peer), peer.name).toContain('welcome P5');
      expect(texts(peer), peer.name).not.toContain('hello from P5');
      expect(transcript(peer), peer.name).toEqual(transcript(ada));
    }
  });
});
