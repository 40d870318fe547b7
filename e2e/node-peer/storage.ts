import { readFile, rename, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import {
  memoryGroupStorage,
  memoryRepoStorage,
  type StoredBlob,
} from '../../shared/storage/storage.ts';

type Dump = {
  version: 1;
  records: [string, Uint8Array][];
  groups: { id: string; blobs: StoredBlob[]; records: [string, Uint8Array][] }[];
};

/**
 * The core's in-memory repo storage, which can also be written to a file and read back: a
 * generated group is kept between runs (a 100k-message group takes minutes to write).
 */
export function fileRepoStorage() {
  const repoRecords = new Set<string>();
  const groups = new Map<
    string,
    { storage: ReturnType<typeof memoryGroupStorage>; names: Set<string> }
  >();
  const inner = memoryRepoStorage();
  const groupOf = (id: string) => {
    let group = groups.get(id);
    if (!group) {
      const names = new Set<string>();
      const base = memoryGroupStorage();
      const storage = {
        ...base,
        putRecord(name: string, bytes: Uint8Array) {
          names.add(name);
          return base.putRecord(name, bytes);
        },
      };
      group = { storage, names };
      groups.set(id, group);
    }
    return group;
  };
  return {
    group: (id: string) => groupOf(id).storage,
    putRecord(name: string, bytes: Uint8Array) {
      repoRecords.add(name);
      return inner.putRecord(name, bytes);
    },
    getRecord: (name: string) => inner.getRecord(name),
    listRecords: (prefix: string) => inner.listRecords(prefix),
    async deleteGroup(id: string) {
      groups.delete(id);
      repoRecords.delete(`group:${id}`);
      await inner.deleteGroup(id);
    },

    async save(path: string): Promise<void> {
      const dump: Dump = { version: 1, records: [], groups: [] };
      for (const name of repoRecords) {
        const bytes = await inner.getRecord(name);
        if (bytes) dump.records.push([name, bytes]);
      }
      for (const [id, { storage, names }] of groups) {
        const records: [string, Uint8Array][] = [];
        for (const name of names) {
          const bytes = await storage.getRecord(name);
          if (bytes) records.push([name, bytes]);
        }
        dump.groups.push({ id, blobs: storage.blobs, records });
      }
      // Written whole, then renamed: a run killed halfway leaves no broken cache behind.
      await writeFile(`${path}.tmp`, serialize(dump));
      await rename(`${path}.tmp`, path);
    },

    async load(path: string): Promise<void> {
      const dump = deserialize(await readFile(path)) as Dump;
      if ((dump as { version: unknown }).version !== 1)
        throw new Error(`${path}: unknown storage dump version`);
      for (const [name, bytes] of dump.records) await this.putRecord(name, bytes);
      for (const { id, blobs, records } of dump.groups) {
        const storage = groupOf(id).storage;
        for (const blob of blobs) await storage.appendBlob(blob);
        for (const [name, bytes] of records) await storage.putRecord(name, bytes);
      }
    },
  };
}

export type FileRepoStorage = ReturnType<typeof fileRepoStorage>;
