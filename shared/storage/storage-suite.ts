import type { RepoStorage } from '../repo/records.ts';

/** The slice of a test runner the suite needs, passed in so shared/ imports no runner. */
export type SuiteRunner = {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => Promise<void>) => void;
  expect: (value: unknown) => {
    toEqual(expected: unknown): void;
    toBeNull(): void;
    toHaveLength(length: number): void;
  };
};

const blob = (id: string, clientId: number, seq: number, fill: number) => ({
  id,
  clientId,
  seq,
  bytes: new Uint8Array([fill, fill + 1, fill + 2]),
});

/**
 * The acceptance suite every repo storage must pass (in memory, IndexedDB, …): the engine
 * relies on exactly these behaviours.
 */
export function runRepoStorageTests(
  name: string,
  make: () => Promise<RepoStorage>,
  t: SuiteRunner,
): void {
  const { describe, it, expect } = t;
  describe(`${name} repo storage`, () => {
    it('deletes one group whole: its blobs, its records and its group record, nothing else', async () => {
      const storage = await make();
      for (const group of ['gone', 'kept']) {
        await storage.group(group).appendBlob(blob(`${group}-1`, 1, 1, 1));
        await storage.group(group).putRecord('snapshot', new Uint8Array([5]));
        await storage.putRecord(`group:${group}`, new Uint8Array([6]));
      }
      await storage.deleteGroup('gone');
      expect(await storage.group('gone').loadBlobs()).toEqual([]);
      expect(await storage.group('gone').getRecord('snapshot')).toBeNull();
      expect(await storage.listRecords('group:')).toEqual(['group:kept']);
      expect((await storage.group('kept').loadBlobs()).map((b) => b.id)).toEqual(['kept-1']);
      expect(await storage.group('kept').getRecord('snapshot')).toEqual(new Uint8Array([5]));
    });

    it('keeps blobs in append order, per group', async () => {
      const storage = await make();
      const a = storage.group('aa');
      await a.appendBlob(blob('x', 1, 1, 10));
      await a.appendBlob(blob('y', 2, 1, 20));
      await storage.group('bb').appendBlob(blob('z', 1, 1, 30));
      const loaded = await storage.group('aa').loadBlobs();
      expect(loaded.map((b) => b.id)).toEqual(['x', 'y']);
      expect([...(loaded[1]?.bytes ?? [])]).toEqual([20, 21, 22]);
      expect((await storage.group('bb').loadBlobs()).map((b) => b.id)).toEqual(['z']);
    });

    it('appends a batch in order, in one go, once each', async () => {
      const storage = await make();
      const g = storage.group('aa');
      await g.appendBlob(blob('x', 1, 1, 10));
      await g.appendBlobs([
        blob('y', 2, 1, 20),
        blob('x', 1, 1, 10),
        blob('z', 1, 2, 30),
        blob('y', 2, 1, 20),
      ]);
      await g.appendBlobs([]);
      expect((await g.loadBlobs()).map((b) => b.id)).toEqual(['x', 'y', 'z']);
      expect((await g.loadChainAfter(1, 0)).map((b) => b.id)).toEqual(['x', 'z']);
      expect((await storage.group('bb').loadBlobs()).map((b) => b.id)).toEqual([]);
    });

    it('ignores a blob it already holds', async () => {
      const storage = await make();
      const g = storage.group('aa');
      await g.appendBlob(blob('x', 1, 1, 10));
      await g.appendBlob(blob('x', 1, 1, 10));
      expect(await g.loadBlobs()).toHaveLength(1);
      // In a batch too: one held already, one twice; the rest in order, once each.
      await g.appendBlobs([
        blob('y', 1, 2, 11),
        blob('x', 1, 1, 10),
        blob('z', 1, 3, 12),
        blob('y', 1, 2, 11),
      ]);
      expect((await g.loadBlobs()).map((b) => b.id)).toEqual(['x', 'y', 'z']);
      // The same id in another group is another group's blob.
      await storage.group('bb').appendBlobs([blob('x', 1, 1, 10)]);
      expect(await storage.group('bb').loadBlobs()).toHaveLength(1);
    });

    it('stores, replaces and lists records, per group and repo-wide', async () => {
      const storage = await make();
      expect(await storage.getRecord('group:1')).toBeNull();
      await storage.putRecord('group:1', new Uint8Array([1]));
      await storage.putRecord('group:1', new Uint8Array([2]));
      await storage.putRecord('group:2', new Uint8Array([3]));
      await storage.putRecord('other', new Uint8Array([4]));
      expect([...((await storage.getRecord('group:1')) ?? [])]).toEqual([2]);
      expect(await storage.listRecords('group:')).toEqual(['group:1', 'group:2']);
      const g = storage.group('aa');
      await g.putRecord('snapshot', new Uint8Array([5]));
      expect([...((await g.getRecord('snapshot')) ?? [])]).toEqual([5]);
      expect(await storage.group('bb').getRecord('snapshot')).toBeNull();
    });

    it('returns copies: changing what was read changes nothing stored', async () => {
      const storage = await make();
      const g = storage.group('aa');
      await g.appendBlob(blob('x', 1, 1, 10));
      const [first] = await g.loadBlobs();
      first?.bytes.fill(0);
      const [again] = await g.loadChainAfter(1, 0);
      again?.bytes.fill(0);
      expect([...((await g.loadBlobs())[0]?.bytes ?? [])]).toEqual([10, 11, 12]);
    });

    it("reads one device's chain past a seq, ascending, whatever the arrival order", async () => {
      const storage = await make();
      const g = storage.group('aa');
      // Seqs arrive out of order (a relay, a repair); other devices and groups interleave.
      for (const [id, clientId, seq] of [
        ['a3', 7, 3],
        ['b1', 8, 1],
        ['a1', 7, 1],
        ['a2', 7, 2],
        ['b2', 8, 2],
        ['a4', 7, 4],
      ] as const) {
        await g.appendBlob(blob(id, clientId, seq, seq));
      }
      await storage.group('bb').appendBlob(blob('other', 7, 5, 50));
      const ids = async (clientId: number, seq: number, limit?: number) =>
        (await g.loadChainAfter(clientId, seq, limit)).map((b) => b.id);
      expect(await ids(7, 0)).toEqual(['a1', 'a2', 'a3', 'a4']);
      expect(await ids(7, 2)).toEqual(['a3', 'a4']);
      expect(await ids(8, 1)).toEqual(['b2']);
      const [third] = await g.loadChainAfter(7, 2);
      expect(
        third && { clientId: third.clientId, seq: third.seq, bytes: [...third.bytes] },
      ).toEqual({ clientId: 7, seq: 3, bytes: [3, 4, 5] });
    });

    it('reads nothing for a device it never saw, or past the head it holds', async () => {
      const storage = await make();
      const g = storage.group('aa');
      await g.appendBlob(blob('a1', 7, 1, 10));
      await g.appendBlob(blob('a2', 7, 2, 20));
      expect(await g.loadChainAfter(9, 0)).toEqual([]);
      expect(await g.loadChainAfter(7, 2)).toEqual([]);
      expect(await g.loadChainAfter(7, 1000)).toEqual([]);
      expect(await storage.group('cc').loadChainAfter(7, 0)).toEqual([]);
    });

    it('reads only what lies past a have-vector, in append order', async () => {
      const storage = await make();
      const g = storage.group('aa');
      await g.appendBlob(blob('b1', 9, 1, 1));
      await g.appendBlob(blob('a1', 7, 1, 10));
      await g.appendBlob(blob('a2', 7, 2, 20));
      await g.appendBlob(blob('b2', 9, 2, 2));
      await g.appendBlob(blob('a3', 7, 3, 30));
      await g.appendBlob(blob('a3-fork', 7, 3, 31));
      await g.appendBlob(blob('c1', 11, 1, 5));
      await storage.group('bb').appendBlob(blob('other', 7, 9, 99));
      const ids = async (heads: [number, number][]) =>
        (await g.loadBlobsAfter(new Map(heads))).map((b) => b.id);
      expect(await ids([])).toEqual(['b1', 'a1', 'a2', 'b2', 'a3', 'a3-fork', 'c1']);
      expect(
        await ids([
          [7, 2],
          [9, 1],
        ]),
      ).toEqual(['b2', 'a3', 'a3-fork', 'c1']);
      expect(
        await ids([
          [7, 3],
          [9, 2],
          [11, 1],
        ]),
      ).toEqual([]);
      expect(await ids([[7, 1000]])).toEqual(['b1', 'b2', 'c1']);
    });

    it('returns both blobs of an equivocation (one device, one seq), in append order', async () => {
      const storage = await make();
      const g = storage.group('aa');
      await g.appendBlob(blob('a1', 7, 1, 10));
      await g.appendBlob(blob('a2', 7, 2, 20));
      await g.appendBlob(blob('a2-fork', 7, 2, 30));
      await g.appendBlob(blob('a3', 7, 3, 40));
      expect((await g.loadChainAfter(7, 1)).map((b) => b.id)).toEqual(['a2', 'a2-fork', 'a3']);
    });

    it('a limit bounds a chain read but never splits the blobs at one seq', async () => {
      const storage = await make();
      const g = storage.group('aa');
      for (const [id, seq] of [
        ['a1', 1],
        ['a2', 2],
        ['a3', 3],
        ['a3-fork', 3],
        ['a4', 4],
      ] as const) {
        await g.appendBlob(blob(id, 7, seq, seq));
      }
      const ids = async (seq: number, limit: number) =>
        (await g.loadChainAfter(7, seq, limit)).map((b) => b.id);
      expect(await ids(0, 2)).toEqual(['a1', 'a2']);
      expect(await ids(0, 3)).toEqual(['a1', 'a2', 'a3', 'a3-fork']);
      expect(await ids(2, 1)).toEqual(['a3', 'a3-fork']);
      expect(await ids(3, 10)).toEqual(['a4']);
      expect(await ids(0, 100)).toEqual(['a1', 'a2', 'a3', 'a3-fork', 'a4']);
      for (const limit of [0, -1, 1.5, Number.NaN]) {
        const outcome = await g.loadChainAfter(7, 0, limit).then(
          () => 'read',
          (error: unknown) => (error instanceof RangeError ? 'refused' : error),
        );
        expect(outcome).toEqual('refused');
      }
    });
  });
}
