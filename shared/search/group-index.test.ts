import { describe, expect, it } from 'vitest';
import { queryTerms } from './fold.ts';
import { createGroupIndex } from './group-index.ts';
import { fakeSource } from './testing.ts';

const ADA = 'a'.repeat(64);
const BO = 'b'.repeat(64);

function group() {
  const source = fakeSource({ [ADA]: 'Ada', [BO]: 'Bo' });
  const index = createGroupIndex(source);
  const find = (query: string, limit = 50) => index.search(queryTerms(query), limit);
  const ids = (query: string, limit = 50) => find(query, limit).hits.map((h) => h.messageId);
  return { source, index, find, ids };
}

describe('a group’s search index', () => {
  it('finds Chinese by any substring, with no word segmentation, and marks it', () => {
    const { source, find } = group();
    source.add({ id: '1:1', position: 1, person: ADA, text: '我们这个周末去爬山' });
    source.add({ id: '1:2', position: 2, person: ADA, text: '下周见' });
    const found = find('周末');
    expect(found.hits.map((h) => h.messageId)).toEqual(['1:1']);
    const [hit] = found.hits;
    expect(hit?.snippet).toEqual({ text: '我们这个周末去爬山', marks: [[4, 6]] });
    expect(hit?.author).toEqual({ person: ADA, name: 'Ada', marks: [] });
    expect(find('末去').hits).toHaveLength(1);
  });

  it('matches Dutch words whatever their accents and case', () => {
    const { source, ids } = group();
    source.add({ id: '1:1', position: 1, person: ADA, text: 'Nog één keer naar het Café?' });
    source.add({ id: '1:2', position: 2, person: BO, text: 'cafe\u0301 is dicht' });
    expect(ids('een')).toEqual(['1:1']);
    expect(ids('ÉÉN')).toEqual(['1:1']);
    expect(ids('café')).toEqual(['1:2', '1:1']);
  });

  it('needs every word, in the text or the author’s name', () => {
    const { source, ids, find } = group();
    source.add({ id: '1:1', position: 1, person: ADA, text: 'water the tomatoes' });
    source.add({ id: '1:2', position: 2, person: BO, text: 'tomatoes need water' });
    source.add({ id: '1:3', position: 3, person: BO, text: 'the beans too' });
    expect(ids('water tomatoes')).toEqual(['1:2', '1:1']);
    expect(ids('tomatoes bo')).toEqual(['1:2']);
    expect(ids('ada')).toEqual(['1:1']);
    expect(ids('water beans')).toEqual([]);
    expect(find('bo tomatoes').hits[0]?.author.marks).toEqual([[0, 2]]);
  });

  it('lists the newest first, up to the limit, saying when there are more', () => {
    const { source, find } = group();
    for (let i = 1; i <= 7; i++)
      source.add({ id: `1:${i}`, position: i, person: ADA, text: `note ${i}` });
    const some = find('note', 3);
    expect(some.hits.map((h) => h.messageId)).toEqual(['1:7', '1:6', '1:5']);
    expect(some.more).toBe(true);
    expect(find('note', 7).more).toBe(false);
    expect(find('   ').hits).toEqual([]);
  });

  it('follows edits, deletes and new messages once built', () => {
    const { source, ids } = group();
    source.add({ id: '1:1', position: 1, person: ADA, text: 'meet at the old gate' });
    source.add({ id: '1:2', position: 2, person: ADA, text: 'bring the seeds' });
    expect(ids('gate')).toEqual(['1:1']);
    source.edit('1:1', 'meet at the new shed');
    source.remove('1:2');
    source.add({ id: '2:1', position: 3, person: BO, text: 'the shed it is' });
    source.flush();
    expect(ids('gate')).toEqual([]);
    expect(ids('shed')).toEqual(['2:1', '1:1']);
    expect(ids('seeds')).toEqual([]);
    // A deleted message matches nothing, not even its author's name.
    expect(ids('ada')).toEqual(['1:1']);
  });

  it('puts a late message where the conversation has it', () => {
    const { source, ids } = group();
    source.add({ id: '1:1', position: 10, person: ADA, text: 'rain' });
    source.add({ id: '1:2', position: 30, person: ADA, text: 'rain again' });
    expect(ids('rain')).toEqual(['1:2', '1:1']);
    source.add({ id: '2:1', position: 20, person: BO, text: 'rain, said Bo' });
    source.flush();
    expect(ids('rain')).toEqual(['1:2', '2:1', '1:1']);
  });

  it('builds again after a catch-up of many older messages', () => {
    const { source, index, ids } = group();
    source.add({ id: '1:1', position: 1000, person: ADA, text: 'latest' });
    expect(ids('latest')).toEqual(['1:1']);
    for (let i = 0; i < 100; i++)
      source.add({ id: `2:${i}`, position: i, person: BO, text: `old ${i}` });
    source.flush();
    expect(index.size()).toBe(0);
    expect(ids('old 99')).toEqual(['2:99']);
    expect(index.size()).toBe(101);
  });

  it('shows the author’s name now, and searches by it', () => {
    const { source, find } = group();
    source.add({ id: '1:1', position: 1, person: ADA, text: 'hello' });
    expect(find('hello').hits[0]?.author.name).toBe('Ada');
    source.rename(ADA, 'Ada Lovelace');
    expect(find('lovelace hello').hits[0]?.author.name).toBe('Ada Lovelace');
  });

  it('reads nothing until searched, and stops following when closed', () => {
    const { source, index, ids } = group();
    source.add({ id: '1:1', position: 1, person: ADA, text: 'early' });
    source.flush();
    expect(index.size()).toBe(0);
    expect(ids('early')).toEqual(['1:1']);
    index.close();
    expect(source.listeners()).toBe(0);
  });
});
