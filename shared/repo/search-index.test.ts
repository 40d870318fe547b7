// A group's search index is sealed with its snapshot, and the next start begins from it
// instead of reading every message again, as long as it is the snapshot's own.
import { describe, expect, it, vi } from 'vitest';
import { queryTerms } from '../search/fold.ts';
import type { GroupHits } from '../search/group-index.ts';
import type { SearchableGroup } from '../search/searches.ts';
import { INDEX_RECORD } from '../search/sealed-index.ts';
import { memoryNetwork } from './network.ts';
import type { Repo } from './repo.ts';
import { repoPerson, SIGNALING, waitFor } from './testing.ts';

const found = (repo: Repo, id: string, query: string) =>
  repo
    .get(id)!
    .searchIndex()
    .search(queryTerms(query), 10)
    .hits.map((hit) => hit.snippet.text);

/** Whether the group's index, once built, read every message to build itself. */
function watchFullReads(repo: Repo, id: string): () => number {
  const handle = repo.get(id)!;
  const texts = vi.spyOn(handle, 'texts');
  return () => texts.mock.calls.filter(([ids]) => ids === undefined).length;
}

async function groupWithHistory() {
  const ada = await repoPerson(1, 'Ada', memoryNetwork());
  const group = await ada.repo.create({ name: 'Allotment', signaling: SIGNALING });
  for (const text of ['Seeds for the spring', 'Who has the shed key?', 'Tomatoes are in'])
    await group.send(text);
  // Searched once: the index is built, and is sealed with the snapshot as the repo closes.
  expect(found(ada.repo, group.id, 'shed')).toEqual(['Who has the shed key?']);
  await ada.repo.close();
  return { ada, id: group.id, storage: ada.storage.group(group.id) };
}

describe('the sealed search index', () => {
  it('is sealed with the snapshot, and the next start searches without reading every message', async () => {
    const { ada, id, storage } = await groupWithHistory();
    const sealed = await storage.getRecord(INDEX_RECORD);
    expect(sealed).not.toBeNull();
    // Sealed: no message text in it.
    expect(new TextDecoder().decode(sealed!)).not.toContain('shed');
    const again = await ada.start();
    const fullReads = watchFullReads(again, id);
    expect(found(again, id, 'tomatoes')).toEqual(['Tomatoes are in']);
    expect(found(again, id, 'SEEDS')).toEqual(['Seeds for the spring']);
    expect(fullReads()).toBe(0);
    await again.close();
  });

  it('takes in what was written after it was sealed (blobs newer than the snapshot)', async () => {
    const { ada, id, storage } = await groupWithHistory();
    const snapshot = await storage.getRecord('snapshot');
    const index = await storage.getRecord(INDEX_RECORD);
    const second = await ada.start();
    await second.get(id)!.send('The shed key is under the pot');
    const first = second.get(id)!.page('latest', 10, 0).items[0]!;
    await second.get(id)!.edit(first.id, 'Seeds for the autumn');
    await second.close();
    // As if the app had stopped before sealing again: the older snapshot and its index.
    await storage.putRecord('snapshot', snapshot!);
    await storage.putRecord(INDEX_RECORD, index!);
    const third = await ada.start();
    const fullReads = watchFullReads(third, id);
    expect(found(third, id, 'shed')).toEqual([
      'The shed key is under the pot',
      'Who has the shed key?',
    ]);
    expect(found(third, id, 'seeds')).toEqual(['Seeds for the autumn']);
    expect(found(third, id, 'spring')).toEqual([]);
    expect(fullReads()).toBe(0);
    await third.close();
  });

  it('is not used with another snapshot, nor when damaged: the index is built from the messages', async () => {
    const { ada, id, storage } = await groupWithHistory();
    const stale = await storage.getRecord(INDEX_RECORD);
    const second = await ada.start();
    await second.get(id)!.send('Rain all week');
    await second.close();
    // The index of an older state beside a newer snapshot.
    await storage.putRecord(INDEX_RECORD, stale!);
    const third = await ada.start();
    let fullReads = watchFullReads(third, id);
    expect(found(third, id, 'rain')).toEqual(['Rain all week']);
    expect(fullReads()).toBe(1);
    await third.close();
    // Damaged.
    const damaged = (await storage.getRecord(INDEX_RECORD))!.slice();
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    await storage.putRecord(INDEX_RECORD, damaged);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fourth = await ada.start();
    fullReads = watchFullReads(fourth, id);
    expect(found(fourth, id, 'rain')).toEqual(['Rain all week']);
    expect(fullReads()).toBe(1);
    expect(warn.mock.calls.join(' ')).toContain('sealed search index is not used');
    warn.mockRestore();
    await fourth.close();
  });

  it('answers alone while the group opens, as the group itself answers once open', async () => {
    const ada = await repoPerson(3, 'Ada', memoryNetwork());
    const group = await ada.repo.create({ name: 'Allotment', signaling: SIGNALING });
    for (const text of [
      'Seeds for the spring',
      'Who has the *shed* key?',
      '周末去菜园',
      'Shed roof',
    ])
      await group.send(text);
    const [, shed, , roof] = group.page('latest', 10, 0).items.map((item) => item.id);
    await group.edit(shed!, 'Who has the **shed** key? Found it');
    await group.remove(roof!);
    found(ada.repo, group.id, 'shed');
    await ada.repo.close();

    const queries = ['shed', '菜园', 'ada', 'spring seeds', 'roof'];
    const heard: string[] = [];
    const early: GroupHits[] = [];
    const offered: SearchableGroup[] = [];
    const again = await ada.start({
      opening: {
        groups: (ids) => heard.push(`groups ${ids.join(' ')}`),
        searchable: (g) => {
          offered.push(g);
          heard.push(`searchable ${g.name()}`);
          // The first is offered while the group opens, from its sealed index: search it now.
          if (offered.length === 1)
            for (const query of queries) early.push(g.searchIndex!().search(queryTerms(query), 10));
        },
      },
    });
    expect(heard).toEqual([`groups ${group.id}`, 'searchable Allotment', 'searchable Allotment']);
    expect(offered[1]).toBe(again.get(group.id));
    const open = queries.map((query) =>
      again.get(group.id)!.searchIndex().search(queryTerms(query), 10),
    );
    expect(early).toEqual(open);
    expect(early[0]!.hits.map((hit) => hit.snippet.text)).toEqual([
      'Who has the shed key? Found it',
    ]);
    expect(early[1]!.hits).toHaveLength(1);
    expect(early[2]!.hits).toHaveLength(3);
    expect(early[4]!.hits).toEqual([]);
    await again.close();
  });

  it('does not answer alone when it holds less than the device has stored', async () => {
    const { ada, id, storage } = await groupWithHistory();
    const snapshot = await storage.getRecord('snapshot');
    const index = await storage.getRecord(INDEX_RECORD);
    const second = await ada.start();
    await second.get(id)!.send('The shed key is under the pot');
    await second.close();
    // The older snapshot and its index: a newer blob is stored that neither holds.
    await storage.putRecord('snapshot', snapshot!);
    await storage.putRecord(INDEX_RECORD, index!);
    const offered: SearchableGroup[] = [];
    const third = await ada.start({
      opening: { groups: () => undefined, searchable: (g) => offered.push(g) },
    });
    expect(offered).toEqual([third.get(id)]);
    await third.close();
  });

  it('once built by reading every message, is sealed a moment later without closing', async () => {
    const ada = await repoPerson(2, 'Ada', memoryNetwork());
    const group = await ada.repo.create({ name: 'Choir', signaling: SIGNALING });
    await group.send('Rehearsal on Thursday');
    const storage = ada.storage.group(group.id);
    expect(await storage.getRecord(INDEX_RECORD)).toBeNull();
    expect(found(ada.repo, group.id, 'thursday')).toEqual(['Rehearsal on Thursday']);
    let sealed = false;
    await waitFor(() => {
      void storage.getRecord(INDEX_RECORD).then((record) => (sealed = record !== null));
      return sealed;
    }, 'the sealed index');
    await ada.repo.close();
  });
});
