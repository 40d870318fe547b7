// The index on a real group handle (shared/repo/handle.ts), with a second member's messages
// arriving through sync: what a person searching in the app gets.
import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import { inviteLink } from '../invite/code.ts';
import { memoryNetwork } from '../repo/network.ts';
import { admitted, repoPerson, SIGNALING, waitFor } from '../repo/testing.ts';
import { queryTerms } from './fold.ts';
import { createGroupIndex } from './group-index.ts';

describe('searching a group handle', () => {
  it('finds what both members wrote, follows edits and deletes, and keeps conversation order', async () => {
    const net = memoryNetwork();
    const ada = await repoPerson(1, 'Ada', net);
    const bo = await repoPerson(2, 'Bo', net);
    const group = await ada.repo.create({ name: 'Weekend', signaling: SIGNALING });
    const hike = await group.send('我们这个周末去爬山');
    const gate = await group.send('Zullen we één keer naar het Café gaan?');
    const join = await bo.repo.join(inviteLink(await group.invite()));
    const id = await admitted(join);
    const boGroup = bo.repo.get(id)!;
    await waitFor(() => boGroup.count() === 2, 'history');

    expect(boGroup.texts().map((m) => [m.id, m.name])).toEqual([
      [hike, 'Ada'],
      [gate, 'Ada'],
    ]);
    const [first, second, unknown] = boGroup.times([hike, gate, '1:999']);
    expect(first).toBe(boGroup.page({ id: hike }, 0, 0).items[0]?.time);
    expect(second).toBeGreaterThan(first!);
    expect(unknown).toBeNaN();
    expect(boGroup.compareMessages(hike, gate)).toBeLessThan(0);
    expect(boGroup.compareMessages(gate, hike)).toBeGreaterThan(0);
    expect(boGroup.authorNames().get(toHex(ada.person.person.publicKey))).toBe('Ada');

    const index = createGroupIndex(boGroup);
    const ids = (query: string) => index.search(queryTerms(query), 50).hits.map((h) => h.messageId);
    expect(ids('周末')).toEqual([hike]);
    expect(ids('cafe een')).toEqual([gate]);

    // Ada edits and deletes; Bo writes: Bo's index, already built, follows.
    await group.edit(hike, '这个周六去爬山');
    await group.remove(gate);
    const mine = await boGroup.send('ik neem koffie mee naar het café');
    await waitFor(() => group.count() === 3, 'Bo’s message at Ada');
    await waitFor(() => ids('周末').length === 0, 'the edit at Bo');
    expect(ids('周六')).toEqual([hike]);
    await waitFor(() => ids('café').length === 1, 'the delete at Bo');
    expect(ids('café')).toEqual([mine]);
    expect(index.search(queryTerms('koffie'), 50).hits[0]?.author.name).toBe('Bo');
  });
});
