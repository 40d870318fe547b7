import { describe, expect, it } from 'vitest';
import { neighbourGroup, neighbourUnread } from './group-keys.ts';

describe('neighbourGroup', () => {
  const ids = ['a', 'b', 'c'];
  it('moves up and down the list without wrapping', () => {
    expect(neighbourGroup(ids, 'b', 'up')).toBe('a');
    expect(neighbourGroup(ids, 'b', 'down')).toBe('c');
    expect(neighbourGroup(ids, 'a', 'up')).toBeNull();
    expect(neighbourGroup(ids, 'c', 'down')).toBeNull();
  });
  it('starts at an end when nothing is open', () => {
    expect(neighbourGroup(ids, null, 'down')).toBe('a');
    expect(neighbourGroup(ids, 'gone', 'up')).toBe('c');
    expect(neighbourGroup([], null, 'down')).toBeNull();
  });
});

describe('neighbourUnread', () => {
  const groups = [
    { id: 'a', unread: 2 },
    { id: 'b', unread: 0 },
    { id: 'c', unread: 0 },
    { id: 'd', unread: 1 },
  ];

  it('skips read groups, and goes round past either end', () => {
    expect(neighbourUnread(groups, 'b', 'down')).toBe('d');
    expect(neighbourUnread(groups, 'b', 'up')).toBe('a');
    expect(neighbourUnread(groups, 'd', 'down')).toBe('a');
    expect(neighbourUnread(groups, 'a', 'up')).toBe('d');
  });

  it('from nothing open, starts at the end it moves from; none unread, goes nowhere', () => {
    expect(neighbourUnread(groups, null, 'down')).toBe('a');
    expect(neighbourUnread(groups, null, 'up')).toBe('d');
    expect(neighbourUnread([{ id: 'a', unread: 3 }], 'a', 'down')).toBeNull();
    expect(
      neighbourUnread(
        groups.map((g) => ({ ...g, unread: 0 })),
        'b',
        'down',
      ),
    ).toBeNull();
    expect(neighbourUnread([], null, 'up')).toBeNull();
  });
});
