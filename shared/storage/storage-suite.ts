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

    it('ignores a blob it already holds', async () => {
      const storage = await make();
      const g = storage.group('aa');
      await g.appendBlob(blob('x', 1, 1, 10));
      await g.appendBlob(blob('x', 1, 1, 10));
      expect(await g.loadBlobs()).toHaveLength(1);
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
      expect([...((await g.loadBlobs())[0]?.bytes ?? [])]).toEqual([10, 11, 12]);
    });
  });
}
