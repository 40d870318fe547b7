import { describe, expect, it } from 'vitest';
import { createBlocks, type Entry } from './blocks.ts';

const position = (id: string) => Number(id.slice(1));
const compare = (a: string, b: string) => position(a) - position(b);
const entry = (n: number, text: string, author = 0): Entry => ({ id: `m${n}`, author, text });

function visited(blocks: ReturnType<typeof createBlocks>, anchor: string | null) {
  const seen: string[] = [];
  blocks.scan(anchor, (id, _author, text) => {
    seen.push(`${id}=${text}`);
    return true;
  });
  return seen;
}

describe('text blocks', () => {
  it('visit newest first, each message once, with its own text only', () => {
    const blocks = createBlocks(compare, { blockSize: 2 });
    blocks.reset([entry(1, 'rain rain'), entry(2, 'sun'), entry(3, 'more\nrain'), entry(4, 'x')]);
    expect(visited(blocks, 'rain')).toEqual(['m3=more\nrain', 'm1=rain rain']);
    expect(visited(blocks, null)).toEqual(['m4=x', 'm3=more\nrain', 'm2=sun', 'm1=rain rain']);
    expect(blocks.size()).toBe(4);
    expect(blocks.last()).toBe('m4');
  });

  it('put late messages in order, replace by id, and split a block grown too big', () => {
    const blocks = createBlocks(compare, { blockSize: 2 });
    blocks.reset([entry(10, 'a'), entry(20, 'b')]);
    for (const n of [15, 12, 17, 11]) blocks.put(entry(n, `late ${n}`));
    blocks.put(entry(20, 'b edited'));
    blocks.put(entry(12, '', -1));
    expect(visited(blocks, null)).toEqual([
      'm20=b edited',
      'm17=late 17',
      'm15=late 15',
      'm11=late 11',
      'm10=a',
    ]);
    expect(visited(blocks, 'late')).toEqual(['m17=late 17', 'm15=late 15', 'm11=late 11']);
    expect(blocks.size()).toBe(6);
  });

  it('stop when the visitor says so', () => {
    const blocks = createBlocks(compare, { blockSize: 3 });
    blocks.reset([1, 2, 3, 4, 5].map((n) => entry(n, 'same')));
    const seen: string[] = [];
    blocks.scan('same', (id) => {
      seen.push(id);
      return seen.length < 2;
    });
    expect(seen).toEqual(['m5', 'm4']);
  });
});
