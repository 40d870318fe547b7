import { describe, expect, it } from 'vitest';
import { queryTerms } from './fold.ts';
import { createGroupIndex } from './group-index.ts';
import { shownBlock } from './sealed-index.ts';
import { sealedGroup } from './sealed-source.ts';
import { fakeSource } from './testing.ts';

/** A group of 60 messages in blocks of 4, some deleted, and its index as it would be sealed. */
function sealedPicture() {
  const source = fakeSource({ aa: 'Ada', bb: 'Bo Öberg' });
  for (let n = 0; n < 60; n++)
    source.add({
      id: `${n % 3}:${n}`,
      position: n,
      person: n % 2 ? 'aa' : 'bb',
      text: n % 7 === 0 ? `Café meeting ${n}` : `message ${n} 周末`,
      time: 1_000 + n,
    });
  source.remove('0:21');
  source.flush();
  const live = createGroupIndex(source, { blockSize: 4 });
  live.build();
  const dump = live.dump();
  if (!dump) throw new Error('not built');
  const texts = new Map(source.all().map((m) => [m.id, m.text]));
  const group = sealedGroup('g', {
    ...dump,
    heads: [[1, 60]],
    groupName: 'Allotment',
    shown: dump.blocks.map(({ ids }) =>
      shownBlock(
        ids.map((id) => texts.get(id) ?? ''),
        source.times(ids),
      ),
    ),
  });
  return { live, group, source };
}

describe('a group searched from its sealed index alone', () => {
  it('finds what the group itself finds, across blocks, newest first, deleted ones left out', () => {
    const { live, group } = sealedPicture();
    for (const query of ['cafe', 'meeting', '周末', 'message 5', 'bo', 'öberg 14', 'nothing'])
      for (const limit of [1, 3, 100])
        expect(group.searchIndex().search(queryTerms(query), limit)).toEqual(
          live.search(queryTerms(query), limit),
        );
    const all = group.searchIndex().search(queryTerms('meeting'), 100).hits;
    expect(all.map((hit) => hit.snippet.text)).toEqual(
      [56, 49, 42, 35, 28, 14, 7, 0].map((n) => `Café meeting ${n}`),
    );
    expect(all[0]).toMatchObject({ messageId: '2:56', time: 1_056, author: { name: 'Bo Öberg' } });
  });

  it('reads messages and their order as the group had them when sealed', () => {
    const { group, source } = sealedPicture();
    expect(group.name()).toBe('Allotment');
    expect(group.texts(['1:55', '0:21', 'nope'])).toEqual([
      { id: '1:55', person: 'aa', name: 'Ada', text: 'message 55 周末', deleted: false },
      { id: '0:21', person: '', name: '', text: '', deleted: true },
    ]);
    expect(group.times(['2:2', 'nope'])).toEqual([1_002, NaN]);
    expect(group.compareMessages('0:3', '2:50')).toBeLessThan(0);
    expect(group.compareMessages('2:50', '0:3')).toBeGreaterThan(0);
    expect(group.texts().map((m) => m.id)).toEqual(source.all().map((m) => m.id));
    expect(group.authorNames().get('bb')).toBe('Bo Öberg');
  });
});
