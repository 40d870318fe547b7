import { describe, expect, it, vi } from 'vitest';
import { parseSearchRequest } from './request.ts';
import { createSearches, type SearchableGroup } from './searches.ts';
import { fakeSource, type FakeSource } from './testing.ts';

const ADA = 'a'.repeat(64);

function groupNamed(
  id: string,
  name: string,
  texts: [number, string][],
): SearchableGroup & FakeSource {
  const source = fakeSource({ [ADA]: 'Ada' });
  texts.forEach(([time, text], i) => {
    source.add({ id: `1:${i}`, position: i, person: ADA, text, time });
  });
  return Object.assign(source, { id, name: () => name });
}

describe('searching every group', () => {
  const garden = groupNamed('g1', 'Garden', [
    [10, 'seeds for the garden'],
    [30, 'more seeds'],
  ]);
  const choir = groupNamed('g2', 'Choir', [
    [20, 'seeds of a song'],
    [40, 'rehearsal at eight'],
  ]);

  it('merges the groups’ results, newest first, each with its group', () => {
    const searches = createSearches();
    const found = searches.search(parseSearchRequest('seeds'), [garden, choir]);
    expect(found.hits.map((h) => [h.groupName, h.time])).toEqual([
      ['Garden', 30],
      ['Choir', 20],
      ['Garden', 10],
    ]);
    expect(found.hits[0]).toMatchObject({ groupId: 'g1', messageId: '1:1' });
    expect(found.more).toBe(false);
  });

  it('keeps to the limit across groups and says there is more', () => {
    const searches = createSearches();
    const found = searches.search(parseSearchRequest('seeds', { limit: 2 }), [garden, choir]);
    expect(found.hits.map((h) => h.time)).toEqual([30, 20]);
    expect(found.more).toBe(true);
  });

  it('drops the index of a group that is gone', () => {
    const searches = createSearches();
    const short = groupNamed('g3', 'Short-lived', [[1, 'seeds']]);
    searches.search(parseSearchRequest('seeds'), [garden, short]);
    expect(short.listeners()).toBe(1);
    searches.search(parseSearchRequest('seeds'), [garden]);
    expect(short.listeners()).toBe(0);
  });

  it('builds a group’s index ahead of its first search, which then reads nothing more', () => {
    const searches = createSearches();
    const group = groupNamed('g4', 'Ahead', [[5, 'early seeds']]);
    const texts = vi.spyOn(group, 'texts');
    searches.warm(group);
    expect(texts).toHaveBeenCalledTimes(1);
    expect(texts).toHaveBeenLastCalledWith();
    group.add({ id: '1:9', position: 9, person: ADA, text: 'late seeds', time: 9 });
    group.flush();
    texts.mockClear();
    const found = searches.search(parseSearchRequest('seeds'), [group]);
    expect(found.hits.map((h) => h.time)).toEqual([9, 5]);
    // Only the hits' texts (for their snippets): the index was there and followed the group.
    expect(texts.mock.calls.every(([ids]) => ids !== undefined)).toBe(true);
    searches.warm(group);
    expect(texts.mock.calls.every(([ids]) => ids !== undefined)).toBe(true);
  });

  it('answers an empty query with nothing', () => {
    const searches = createSearches();
    expect(searches.search(parseSearchRequest(' '), [garden, choir])).toEqual({
      hits: [],
      more: false,
    });
  });
});
