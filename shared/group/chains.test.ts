import { describe, expect, it } from 'vitest';
import { createChainBook, placeAfter, type BlobMeta } from './chains.ts';

// Blob ids are 32-byte hashes; the book keeps them as bytes.
const hexId = (name: string) => name.charCodeAt(0).toString(16).padStart(64, '0');

const meta = (id: string, wall: number, depth = 1): BlobMeta => ({
  id: hexId(id),
  time: { wall, counter: 0 },
  effective: { wall, counter: 0 },
  depth,
});

describe('chain book', () => {
  it('accepts blobs in seq order and reports heads and decided positions', () => {
    const book = createChainBook();
    book.accept(7, 1, meta('a', 1), new Map([[7, 1]]));
    book.accept(7, 2, meta('b', 2), new Map([[7, 2]]));
    expect(book.head(7)).toBe(2);
    expect(book.accepted(7, 2)?.id).toBe(hexId('b'));
    expect(book.isDecided(7, 2)).toBe(true);
    expect(book.isDecided(7, 3)).toBe(false);
    expect(() => {
      book.accept(7, 4, meta('d', 4), new Map());
    }).toThrow();
    expect(book.heads()).toEqual(new Map([[7, 2]]));
  });

  it('counts a refused position as decided, and everything from a fork on', () => {
    const book = createChainBook();
    book.refuse(9, 1, 'bad');
    expect(book.isDecided(9, 1)).toBe(true);
    expect(book.refusedIds(9, 1)).toEqual(['bad']);
    book.markFork(8, 3);
    book.markFork(8, 5);
    expect(book.forkedAt(8)).toBe(3);
    expect(book.isDecided(8, 10)).toBe(true);
  });

  it('places a blob no earlier than what it had seen, and deeper than all of it', () => {
    const placed = placeAfter({ wall: 5, counter: 0 }, [meta('x', 9, 4), meta('y', 3, 7)]);
    expect(placed).toEqual({ effective: { wall: 9, counter: 0 }, depth: 8 });
    expect(placeAfter({ wall: 5, counter: 0 }, [])).toEqual({
      effective: { wall: 5, counter: 0 },
      depth: 1,
    });
  });
});
