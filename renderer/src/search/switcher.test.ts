import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { filterGroups } from './switcher.ts';

const group = (id: string, name: string): GroupSummary => ({
  id,
  name,
  members: 2,
  unread: 0,
  mentions: 0,
  last: null,
  signaling: [],
  historyPolicy: 'all',
  epoch: 0,
});

const groups = [
  group('1', 'Allotment crew'),
  group('2', 'Crèche ouders'),
  group('3', '周末爬山'),
  group('4', 'Choir'),
];
const names = (query: string) => filterGroups(groups, query).map((i) => i.group.name);

describe('filterGroups', () => {
  it('keeps every group, in order, for an empty query', () => {
    expect(names('  ')).toEqual(['Allotment crew', 'Crèche ouders', '周末爬山', 'Choir']);
  });

  it('matches any part of a name, ignoring case and accents, name starts first', () => {
    expect(names('CRE')).toEqual(['Crèche ouders', 'Allotment crew']);
    expect(names('creche')).toEqual(['Crèche ouders']);
    expect(names('爬山')).toEqual(['周末爬山']);
    expect(names('crew allot')).toEqual(['Allotment crew']);
    expect(names('xyz')).toEqual([]);
  });

  it('marks what matched in the name as shown', () => {
    expect(filterGroups(groups, 'creche')[0]?.marks).toEqual([[0, 6]]);
    expect(filterGroups(groups, 'ho')[0]?.marks).toEqual([[1, 3]]);
  });
});
