import { afterEach, describe, expect, it, vi } from 'vitest';
import { utf8 } from '../crypto/bytes.ts';
import { createSealer } from '../storage/sealer.ts';
import { memoryGroupStorage } from '../storage/storage.ts';
import { seeded, testCrypto } from '../testing/people.ts';
import {
  INDEX_RECORD,
  loadSealedIndex,
  sameHeads,
  saveSealedIndex,
  shownBlock,
  shownText,
  type SealedIndex,
} from './sealed-index.ts';

const index: SealedIndex = {
  heads: [
    [7, 3],
    [9, 1],
  ],
  groupName: 'Book club',
  people: [{ person: 'aa', name: 'Ada' }],
  blocks: [
    { ids: ['7:1', '7:2', '9:1'], authors: [0, -1, 0], starts: [0, 6, 7], text: 'hello\n\n周末' },
  ],
  shown: [shownBlock(['Hello', '', '周末'], [1000, 2000, 1500])],
};

const sealerOf = (n: number) => createSealer(testCrypto, seeded(n)(32));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the sealed search index', () => {
  it('comes back as it was sealed, and nothing of it is readable at rest', async () => {
    const storage = memoryGroupStorage();
    const sealer = await sealerOf(1);
    await saveSealedIndex(storage, sealer, index);
    const sealed = await storage.getRecord(INDEX_RECORD);
    expect(new TextDecoder().decode(sealed!)).not.toContain('hello');
    expect(await loadSealedIndex(storage, sealer)).toEqual(index);
  });

  it('is not sealed when what it shows does not follow its blocks', async () => {
    const sealer = await sealerOf(1);
    const storage = memoryGroupStorage();
    await expect(saveSealedIndex(storage, sealer, { ...index, shown: [] })).rejects.toThrow(
      /shown/,
    );
    const short = [shownBlock(['Hello'], [1000])];
    await expect(saveSealedIndex(storage, sealer, { ...index, shown: short })).rejects.toThrow(
      /shown/,
    );
    expect(await storage.getRecord(INDEX_RECORD)).toBeNull();
  });

  it('shows each text as written, cut from the block only when asked', () => {
    const block = shownBlock(['Hello', '', '周末'], [1, 2, 3]);
    expect([0, 1, 2, 3].map((k) => shownText(block, k))).toEqual(['Hello', '', '周末', '']);
  });

  it('is absent until sealed', async () => {
    expect(await loadSealedIndex(memoryGroupStorage(), await sealerOf(1))).toBeNull();
  });

  it('is not used when sealed with another key, damaged, or not what an index is', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sealer = await sealerOf(1);
    const other = memoryGroupStorage();
    await saveSealedIndex(other, await sealerOf(2), index);
    expect(await loadSealedIndex(other, sealer)).toBeNull();

    const bad = async (value: unknown) => {
      const storage = memoryGroupStorage();
      await storage.putRecord(
        INDEX_RECORD,
        await sealer.seal(utf8(JSON.stringify(value)), 'search-index'),
      );
      return loadSealedIndex(storage, sealer);
    };
    // The record as stored: ids one per line.
    const block = {
      ids: '7:1\n7:2\n9:1',
      authors: [0, -1, 0],
      starts: [0, 6, 7],
      text: 'hello\n\n周末',
      shown: 'Hello周末',
      shownLengths: [5, 0, 2],
      times: [1000, 1000, -500],
    };
    const record = (
      change: Record<string, unknown> = {},
      blockChange: Record<string, unknown> = {},
    ) => ({
      version: 2,
      heads: index.heads,
      groupName: 'Book club',
      people: index.people,
      blocks: [{ ...block, ...blockChange }],
      ...change,
    });
    const cases: unknown[] = [
      null,
      'text',
      record({ version: 1 }),
      record({ groupName: 7 }),
      record({ heads: [[1]] }),
      record({ heads: [[1, -1]] }),
      record({ people: [{ person: 'aa' }] }),
      record({ blocks: 'none' }),
      record({}, { ids: '7:1\n7:2' }),
      record({}, { ids: ['7:1', '7:2', '9:1'] }),
      record({}, { authors: [0, 1, 0] }),
      record({}, { authors: [0, -2, 0] }),
      record({}, { authors: 'a column' }),
      record({}, { authors: [0, 0.5, 0] }),
      record({}, { starts: [0, 6, 6] }),
      record({}, { starts: [0, 6, 99] }),
      record({}, { starts: [0, 6] }),
      record({}, { text: 5 }),
      record({}, { shown: null }),
      record({}, { shownLengths: [5, 2] }),
      record({}, { shownLengths: [5, -1, 3] }),
      record({}, { shownLengths: [5, 0, 99] }),
      record({}, { shownLengths: [5, 0, 1] }),
      record({}, { times: [1000, 2000] }),
      record({}, { times: [1000, 'later', 3000] }),
    ];
    for (const value of cases) expect(await bad(value)).toBeNull();
    expect(await bad(record())).toEqual(index);
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0]?.[0])).toContain('sealed search index is not used');
  });

  it('goes with the snapshot whose chain heads it names, and no other', () => {
    expect(
      sameHeads(
        index.heads,
        new Map([
          [9, 1],
          [7, 3],
        ]),
      ),
    ).toBe(true);
    expect(sameHeads(index.heads, new Map([[7, 3]]))).toBe(false);
    expect(
      sameHeads(
        index.heads,
        new Map([
          [7, 3],
          [9, 2],
        ]),
      ),
    ).toBe(false);
    expect(
      sameHeads(
        index.heads,
        new Map([
          [7, 3],
          [9, 1],
          [4, 1],
        ]),
      ),
    ).toBe(false);
  });
});
