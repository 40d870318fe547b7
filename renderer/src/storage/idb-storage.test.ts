import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { runRepoStorageTests } from '../../../shared/storage/storage-suite.ts';
import { indexedDbRepoStorage } from './idb-storage.ts';

let n = 0;
runRepoStorageTests('IndexedDB', () => indexedDbRepoStorage(`suite-${++n}`), {
  describe,
  it,
  expect,
});

describe('IndexedDB repo storage', () => {
  it('finds everything again after the database is reopened', async () => {
    const first = await indexedDbRepoStorage('reopen');
    await first.group('g').appendBlob({ id: 'a', clientId: 1, seq: 1, bytes: new Uint8Array([9]) });
    await first.putRecord('group:g', new Uint8Array([7]));
    const again = await indexedDbRepoStorage('reopen');
    expect((await again.group('g').loadBlobs()).map((b) => b.id)).toEqual(['a']);
    expect(await again.listRecords('group:')).toEqual(['group:g']);
  });

  it('upgrades a version 1 database and keeps its blobs and records', async () => {
    // Version 1 exactly as it shipped: no per-device chain index.
    const v1 = await openDB('from-v1', 1, {
      upgrade(database) {
        const blobs = database.createObjectStore('blobs', {
          keyPath: 'order',
          autoIncrement: true,
        });
        blobs.createIndex('by-group', ['group', 'order']);
        blobs.createIndex('by-id', ['group', 'id'], { unique: true });
        database.createObjectStore('records');
      },
    });
    const row = (group: string, id: string, clientId: number, seq: number) => ({
      group,
      id,
      clientId,
      seq,
      bytes: new Uint8Array([seq]),
    });
    for (const r of [
      row('g', 'a2', 7, 2),
      row('g', 'a1', 7, 1),
      row('g', 'b1', 8, 1),
      row('g', 'a2-fork', 7, 2),
      row('h', 'h1', 7, 3),
    ]) {
      await v1.add('blobs', r);
    }
    await v1.put('records', new Uint8Array([5]), 'group:g');
    await v1.put('records', new Uint8Array([6]), 'g:g:snapshot');
    v1.close();

    const storage = await indexedDbRepoStorage('from-v1');
    const g = storage.group('g');
    expect((await g.loadBlobs()).map((b) => b.id)).toEqual(['a2', 'a1', 'b1', 'a2-fork']);
    expect((await g.loadChainAfter(7, 0)).map((b) => b.id)).toEqual(['a1', 'a2', 'a2-fork']);
    expect((await g.loadChainAfter(7, 1, 1)).map((b) => [b.id, ...b.bytes])).toEqual([
      ['a2', 2],
      ['a2-fork', 2],
    ]);
    expect(await storage.listRecords('group:')).toEqual(['group:g']);
    expect([...((await g.getRecord('snapshot')) ?? [])]).toEqual([6]);
    // New blobs land in the upgraded log and its index like the old ones.
    await g.appendBlob({ id: 'a3', clientId: 7, seq: 3, bytes: new Uint8Array([3]) });
    expect((await g.loadChainAfter(7, 2)).map((b) => b.id)).toEqual(['a3']);
  });
});
