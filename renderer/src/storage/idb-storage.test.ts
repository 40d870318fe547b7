import 'fake-indexeddb/auto';
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
});
