import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEd } from '../testing/people.ts';
import {
  deliverAll,
  foundGroup,
  join,
  memberNames,
  syncAll,
  testClock,
  transcript,
} from '../testing/group-peers.ts';

describe('group engine, between real peers', () => {
  it('a founder and a joiner talk, and both see the same conversation in the same order', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const [ada] = group.peers;
    const bo = await join(group, ada!, 2, 'Bo', clock.now);
    clock.advance(1000);
    const hello = await ada!.engine.send({ text: 'hello Bo' });
    clock.advance(1000);
    await deliverAll(ada!, bo);
    await bo.engine.send({ text: 'hi Ada!', replyTo: hello });
    await deliverAll(bo, ada!);

    expect(transcript(ada!)).toEqual(transcript(bo));
    expect(transcript(bo).map((line) => line.split(': ')[1])).toEqual(['hello Bo', 'hi Ada!']);
    expect(memberNames(ada!)).toEqual(['Ada:admin', 'Bo:member']);
    expect(memberNames(bo)).toEqual(memberNames(ada!));
  });

  it('edits, deletes and reactions reach everyone', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const [ada] = group.peers;
    const bo = await join(group, ada!, 2, 'Bo', clock.now);
    const id = await ada!.engine.send({ text: 'typo' });
    await ada!.engine.edit(id, 'fixed');
    const gone = await ada!.engine.send({ text: 'oops' });
    await ada!.engine.remove(gone);
    await deliverAll(ada!, bo);
    await bo.engine.react(id, '👍', true);
    await deliverAll(bo, ada!);
    expect(transcript(ada!)).toEqual([`${id}: fixed (edited) [👍×1]`, `${gone}: (deleted)`]);
    expect(transcript(bo)).toEqual(transcript(ada!));
  });

  it('holds blobs that arrive before what they depend on, then applies them', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const [ada] = group.peers;
    const bo = await join(group, ada!, 2, 'Bo', clock.now);
    for (let i = 0; i < 5; i++) await ada!.engine.send({ text: `m${i}` });
    const fresh = ada!.storage.blobs.filter((b) => !bo.storage.blobs.some((x) => x.id === b.id));
    const report = await bo.engine.receive(fresh.map((b) => b.bytes).reverse());
    expect(report.accepted).toBe(5);
    expect(transcript(bo)).toEqual(transcript(ada!));
  });

  it('a joiner who arrives later sees the whole history (history policy "all")', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const [ada] = group.peers;
    for (let i = 0; i < 3; i++) await ada!.engine.send({ text: `before ${i}` });
    const cy = await join(group, ada!, 3, 'Cy', clock.now);
    expect(transcript(cy)).toEqual(transcript(ada!));
    expect(cy.engine.messageCount()).toBe(3);
  });

  it('members relay: a message written while Ada is away reaches her through Bo', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const [ada] = group.peers;
    const bo = await join(group, ada!, 2, 'Bo', clock.now);
    const cy = await join(group, ada!, 3, 'Cy', clock.now);
    await syncAll(group.peers);
    await cy.engine.send({ text: 'from Cy' });
    await deliverAll(cy, bo);
    await deliverAll(bo, ada!);
    expect(transcript(ada!).map((l) => l.split(': ')[1])).toEqual(['from Cy']);
  });

  describe('the path of one message', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('stores a message it writes before announcing it, and does not verify its own signature', async () => {
      const clock = testClock();
      const group = await foundGroup(clock.now);
      const [ada] = group.peers;
      const verify = vi.spyOn(testEd, 'verify');
      const storedWhenSent: boolean[] = [];
      ada!.engine.events.on('blob', (blob) => {
        storedWhenSent.push(ada!.storage.blobs.some((b) => b.id === blob.id));
      });
      await ada!.engine.send({ text: 'hello' });
      // Once for the blob, and stored by the time peers hear of it; no signature checked.
      expect(storedWhenSent).toEqual([true]);
      expect(verify).not.toHaveBeenCalled();
      // Stored once: judging it afterwards does not append it again.
      const ids = ada!.storage.blobs.map((b) => b.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(transcript(ada!).map((l) => l.split(': ')[1])).toEqual(['hello']);
    });

    it('a copy of a blob it holds is a duplicate before any signature check', async () => {
      const clock = testClock();
      const group = await foundGroup(clock.now);
      const [ada] = group.peers;
      const bo = await join(group, ada!, 2, 'Bo', clock.now);
      for (let i = 0; i < 3; i++) await ada!.engine.send({ text: `m${i}` });
      await deliverAll(ada!, bo);
      const verify = vi.spyOn(testEd, 'verify');
      const again = ada!.storage.blobs.map((b) => b.bytes);
      const report = await bo.engine.receive(again);
      expect(report.duplicate).toBe(again.length);
      expect(verify).not.toHaveBeenCalled();
      // A blob claiming an accepted position with other bytes is still checked (and refused).
      const forged = again[again.length - 1]!.slice();
      forged[forged.length - 1]! ^= 1;
      const refused = await bo.engine.receive([forged]);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(refused.dropped).toBe(1);
      expect(transcript(bo)).toEqual(transcript(ada!));
    });
  });
});
