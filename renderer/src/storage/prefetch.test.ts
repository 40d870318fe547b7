import { describe, expect, it } from 'vitest';
import { memoryRepoStorage } from '../../../shared/storage/storage.ts';
import { prefetchRecords } from './prefetch.ts';

const G = 'a'.repeat(64);
const bytes = (...values: number[]) => new Uint8Array(values);

/** Memory storage that counts the group records read, and can fail the next read. */
function counted() {
  const storage = memoryRepoStorage();
  const reads: string[] = [];
  let failNext = false;
  const group = storage.group.bind(storage);
  return {
    reads,
    failNextRead() {
      failNext = true;
    },
    storage: {
      ...storage,
      group(id: string) {
        const inner = group(id);
        return {
          ...inner,
          getRecord(name: string) {
            reads.push(`${id.slice(0, 1)}:${name}`);
            if (failNext) {
              failNext = false;
              return Promise.reject(new Error('disk busy'));
            }
            return inner.getRecord(name);
          },
        };
      },
    },
  };
}

describe('records read ahead', () => {
  it('answers the first read of each from the read begun ahead, then reads as usual', async () => {
    const disk = counted();
    await disk.storage.group(G).putRecord('snapshot', bytes(1, 2));
    const { storage } = prefetchRecords(disk.storage, G, ['snapshot', 'search-index']);
    expect(disk.reads).toEqual(['a:snapshot', 'a:search-index']);
    expect(await storage.group(G).getRecord('snapshot')).toEqual(bytes(1, 2));
    expect(await storage.group(G).getRecord('search-index')).toBeNull();
    expect(disk.reads).toHaveLength(2);
    // Used once: the next read goes to the disk.
    await storage.group(G).getRecord('snapshot');
    expect(disk.reads).toEqual(['a:snapshot', 'a:search-index', 'a:snapshot']);
    // Another group is untouched.
    await storage.group('b'.repeat(64)).getRecord('snapshot');
    expect(disk.reads.at(-1)).toBe('b:snapshot');
  });

  it('never answers with a copy older than a write', async () => {
    const disk = counted();
    await disk.storage.group(G).putRecord('snapshot', bytes(1));
    const { storage } = prefetchRecords(disk.storage, G, ['snapshot']);
    await storage.group(G).putRecord('snapshot', bytes(2));
    expect(await storage.group(G).getRecord('snapshot')).toEqual(bytes(2));
  });

  it('forgets a deleted group, and what was released', async () => {
    const disk = counted();
    await disk.storage.group(G).putRecord('snapshot', bytes(1));
    const deleted = prefetchRecords(disk.storage, G, ['snapshot']);
    await deleted.storage.deleteGroup(G);
    expect(await deleted.storage.group(G).getRecord('snapshot')).toBeNull();

    await disk.storage.group(G).putRecord('snapshot', bytes(3));
    const released = prefetchRecords(disk.storage, G, ['snapshot']);
    released.release();
    await disk.storage.group(G).putRecord('snapshot', bytes(4));
    expect(await released.storage.group(G).getRecord('snapshot')).toEqual(bytes(4));
  });

  it('reads again when the read ahead failed', async () => {
    const disk = counted();
    await disk.storage.group(G).putRecord('snapshot', bytes(5));
    disk.failNextRead();
    const { storage } = prefetchRecords(disk.storage, G, ['snapshot']);
    expect(await storage.group(G).getRecord('snapshot')).toEqual(bytes(5));
    expect(disk.reads).toEqual(['a:snapshot', 'a:snapshot']);
  });
});
