import { describe, expect, it } from 'vitest';
import type { SearchableGroup } from '../../../shared/search/searches.ts';
import { createOpening } from './opening.ts';

const group = (id: string) => ({ id }) as unknown as SearchableGroup;

describe('searching while the engine opens the groups', () => {
  it('answers a group as soon as it is searchable, and every group once all are', () => {
    const opening = createOpening();
    expect(opening.answerable('a')).toBeNull();
    expect(opening.answerable(null)).toBeNull();
    opening.groups(['a', 'b']);
    const a = group('a');
    opening.searchable(a);
    expect(opening.answerable('a')).toEqual([a]);
    expect(opening.answerable('b')).toBeNull();
    expect(opening.answerable(null)).toBeNull();
    const b = group('b');
    opening.searchable(b);
    expect(opening.answerable(null)).toEqual([a, b]);
    // Once open, the handle takes the sealed index's place.
    const handle = group('a');
    opening.searchable(handle);
    expect(opening.answerable('a')?.[0]).toBe(handle);
    expect(opening.answerable('elsewhere')).toBeNull();
  });

  it('knows no groups before the repo has listed them, and none is every group when there are none', () => {
    const opening = createOpening();
    opening.searchable(group('a'));
    expect(opening.answerable(null)).toBeNull();
    opening.groups([]);
    expect(opening.answerable(null)).toEqual([]);
  });

  it('lets a search wait until its group is searchable, or until the start has ended', async () => {
    const opening = createOpening();
    opening.groups(['a', 'b']);
    const answers: string[] = [];
    const ask = (groupId: string | null) =>
      opening.whenAnswerable(groupId).then((groups) => {
        answers.push(`${groupId ?? 'all'}: ${groups?.map((g) => g.id).join(' ') ?? 'ended'}`);
      });
    const asked = [ask('a'), ask(null), ask('b'), ask('c')];
    await Promise.resolve();
    expect(answers).toEqual([]);
    opening.searchable(group('a'));
    await Promise.resolve();
    expect(answers).toEqual(['a: a']);
    opening.searchable(group('b'));
    await Promise.resolve();
    expect(answers).toEqual(['a: a', 'all: a b', 'b: b']);
    // Never in the list: it waits for the end, and the repo then says there is no such group.
    opening.finish();
    await Promise.all(asked);
    expect(answers.at(-1)).toBe('c: ended');
    expect(await opening.whenAnswerable('a')).toBeNull();
  });
});
