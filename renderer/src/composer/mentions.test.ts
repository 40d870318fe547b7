import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS } from '../../../shared/content/schema.ts';
import type { MemberItem } from '../../../shared/repo/views.ts';
import {
  fold,
  insertMention,
  matchMembers,
  mentionQuery,
  mentionedPeople,
  namedIn,
} from './mentions.ts';

function member(name: string, person: string, me = false): MemberItem {
  return {
    person,
    name,
    role: 'member',
    devices: 1,
    deviceList: [],
    me,
    safetyNumber: '',
    tone: 0,
  };
}

const ada = member('Ada Lovelace', 'a'.repeat(64), true);
const bo = member('Bo', 'b'.repeat(64));
const bob = member('Bob Marley', 'c'.repeat(64));
const zoe = member('Zoë', 'd'.repeat(64));
const xiaoming = member('王小明', 'e'.repeat(64));
const members = [ada, bo, bob, zoe, xiaoming];

/** The query at the end of `text`, as if the caret were there. */
const queryAtEnd = (text: string) => mentionQuery(text, text.length);

describe('mentionQuery', () => {
  it('finds an @ and the letters after it', () => {
    expect(queryAtEnd('hi @Bo')).toEqual({ start: 3, end: 6, query: 'Bo' });
    expect(queryAtEnd('@')).toEqual({ start: 0, end: 1, query: '' });
  });

  it('works for the caret in the middle of the text', () => {
    expect(mentionQuery('ask @Bo about it', 7)).toEqual({ start: 4, end: 7, query: 'Bo' });
  });

  it('keeps going over a space, for full names', () => {
    expect(queryAtEnd('@Ada L')?.query).toBe('Ada L');
  });

  it('is not a mention inside an address or after a space', () => {
    expect(queryAtEnd('ada@example')).toBeNull();
    expect(queryAtEnd('meet @ 5')).toBeNull();
    expect(queryAtEnd('@Bo\nnext')).toBeNull();
    expect(queryAtEnd('no at sign')).toBeNull();
  });

  it('follows Chinese text without a space', () => {
    expect(queryAtEnd('你好@小')).toEqual({ start: 2, end: 4, query: '小' });
  });

  it('gives up on an @ far behind the caret', () => {
    expect(queryAtEnd(`@${'a'.repeat(60)}`)).toBeNull();
  });
});

describe('matchMembers', () => {
  it('never offers me', () => {
    expect(matchMembers(members, 'Ada')).toEqual([]);
  });

  it('an empty query offers everyone else, alphabetically', () => {
    expect(matchMembers(members, '').map((m) => m.name)).toEqual([
      'Bo',
      'Bob Marley',
      'Zoë',
      '王小明',
    ]);
  });

  it('ranks name starts, then word starts, then substrings', () => {
    const people = [member('Abbot', '1'), member('Bo', '2'), member('Ann Bond', '3')];
    expect(matchMembers(people, 'bo').map((m) => m.name)).toEqual(['Bo', 'Ann Bond', 'Abbot']);
  });

  it('ignores case, accents and width', () => {
    expect(matchMembers(members, 'ZOE')).toEqual([zoe]);
    expect(matchMembers(members, 'ｍａｒ')).toEqual([bob]);
    expect(fold('Zoë')).toBe('zoe');
  });

  it('finds Chinese names by any part', () => {
    expect(matchMembers(members, '小明')).toEqual([xiaoming]);
    expect(matchMembers(members, '王')).toEqual([xiaoming]);
  });

  it('offers at most the limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => member(`Sam ${i}`, String(i)));
    expect(matchMembers(many, 'sam', 8)).toHaveLength(8);
  });
});

describe('insertMention', () => {
  it('puts the name and a space in place of the query, caret after them', () => {
    const text = 'hi @b';
    const result = insertMention(text, { start: 3, end: 5, query: 'b' }, 'Bob Marley');
    expect(result).toEqual({ text: 'hi @Bob Marley ', caret: 15 });
  });

  it('keeps what follows the caret, without doubling a space', () => {
    const result = insertMention('ask @b about', { start: 4, end: 6, query: 'b' }, 'Bo');
    expect(result).toEqual({ text: 'ask @Bo about', caret: 8 });
  });
});

describe('namedIn', () => {
  it('needs the @ and a word boundary', () => {
    expect(namedIn('thanks @Bo!', 'Bo')).toBe(true);
    expect(namedIn('thanks Bo', 'Bo')).toBe(false);
    expect(namedIn('@Bob', 'Bo')).toBe(false);
    expect(namedIn('mail x@Bo', 'Bo')).toBe(false);
    expect(namedIn('x@Bo @Bo', 'Bo')).toBe(true);
  });

  it('lets Chinese run on either side', () => {
    expect(namedIn('你好@王小明请看', '王小明')).toBe(true);
  });
});

describe('mentionedPeople', () => {
  it('lists the members still named in the text', () => {
    expect(mentionedPeople('@Bo and @Zoë, look', members, {})).toEqual([bo.person, zoe.person]);
    expect(mentionedPeople('@Bob Marley', members, {})).toEqual([bob.person]);
  });

  it('drops a picked member whose name was deleted from the text', () => {
    expect(mentionedPeople('never mind', members, { [bo.person]: 'Bo' })).toEqual([]);
  });

  it('never mentions me', () => {
    expect(mentionedPeople('@Ada Lovelace', members, {})).toEqual([]);
  });

  it('takes the picked one of two members with the same name, or both if none was picked', () => {
    const other = member('Bo', 'f'.repeat(64));
    const both = [...members, other];
    expect(mentionedPeople('@Bo', both, { [other.person]: 'Bo' })).toEqual([other.person]);
    expect(mentionedPeople('@Bo', both, {}).sort()).toEqual([bo.person, other.person].sort());
  });

  it('keeps to what peers accept', () => {
    const many = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) =>
      member(`P${i}`, i.toString(16).padStart(64, '0')),
    );
    const text = many.map((m) => `@${m.name}`).join(' ');
    expect(mentionedPeople(text, many, {})).toHaveLength(MAX_MENTIONS);
  });
});
