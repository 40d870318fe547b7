import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHex } from '../../shared/crypto/bytes.ts';
import { createGroupEngine } from '../../shared/group/engine.ts';
import { createGenesis } from '../../shared/group/genesis.ts';
import type { RepoIdentity } from '../../shared/repo/identity.ts';
import { loadGroupRecords, saveGroupRecord, type GroupRecord } from '../../shared/repo/records.ts';
import { createSealer, type Sealer } from '../../shared/storage/sealer.ts';
import { makePerson, seeded, testCrypto, testEd } from '../../shared/testing/people.ts';
import { fileRepoStorage, type FileRepoStorage } from './storage.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where generated groups are kept between runs (gitignored, like all of node_modules). */
export const CACHE_DIR = join(root, 'node_modules/.cache/fellows-node-peer');

export const random = (length: number) => testCrypto.getRandomValues(new Uint8Array(length));

/** A person with one device, made from a number: the same keys every run (shared/testing). */
export async function deviceOf(
  seed: number,
  name: string,
): Promise<{ identity: RepoIdentity; sealer: Sealer }> {
  const identity = await makePerson(seed, name);
  const sealer = await createSealer(testCrypto, seeded(400 + seed)(32));
  return { identity, sealer };
}

/**
 * A hash of what decides the stored bytes (the core's formats and engine, not its sync or
 * repo logic, which change often and store nothing) and of this generator: a group cached by
 * other code is made again. The caller also checks the group opens with every message.
 */
function codeVersion(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      const name = path.slice(root.length);
      if (entry.isDirectory()) {
        // Neither sync nor search (an in-memory index) changes what the engine stores.
        if (!['shared/sync', 'shared/testing', 'shared/search'].includes(name)) walk(path);
      } else if (
        name.endsWith('.ts') &&
        !name.endsWith('.test.ts') &&
        (!name.startsWith('shared/repo/') || name === 'shared/repo/records.ts')
      ) {
        hash.update(name).update(readFileSync(path));
      }
    }
  };
  walk(join(root, 'shared'));
  for (const file of ['fixture.ts', 'storage.ts'])
    hash.update(readFileSync(new URL(file, import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A group whose creator (person `seed`) wrote `message 1` … `message N` (the first one's text
 * `firstText` when given: a word found nowhere else, to search for), as real signed and
 * sealed blobs through the group engine, then sealed a snapshot, so opening it is fast. The
 * engine is driven directly, without a repo around it: a repo's handle recounts unread
 * messages on every write, which makes writing N messages one by one take O(N²).
 * With `cache`, the storage is kept in CACHE_DIR and reused while the core is unchanged.
 */
export async function groupWithHistory(options: {
  seed: number;
  name: string;
  groupName: string;
  messages: number;
  firstText?: string;
  /** Keep it in CACHE_DIR and use it from there: `use` a cached one, or `renew` it. */
  cache: 'use' | 'renew' | 'none';
  progress?: (written: number) => void;
}): Promise<{ storage: FileRepoStorage; groupId: string; generated: boolean }> {
  const { seed, name, groupName, messages, firstText } = options;
  const { identity, sealer } = await deviceOf(seed, name);
  const slug =
    groupName.toLowerCase().replace(/[^a-z0-9]+/g, '-') +
    (firstText === undefined
      ? ''
      : `-${createHash('sha256').update(firstText).digest('hex').slice(0, 8)}`);
  const file = join(CACHE_DIR, `${slug}-${seed}-${messages}-${codeVersion()}.v8`);
  const storage = fileRepoStorage();
  if (options.cache === 'use' && existsSync(file)) {
    await storage.load(file);
    const [record] = await loadGroupRecords(storage, sealer);
    if (record) return { storage, groupId: record.id, generated: false };
  }

  const { genesis, groupId, bytes } = await createGenesis({
    name: groupName,
    person: identity.person,
    creator: identity.certificate,
    creatorName: identity.name,
    settings: { historyPolicy: 'all', adminsApproveJoins: false },
    createdAt: Date.now(),
    random,
  });
  const record: GroupRecord = {
    version: 1,
    id: toHex(groupId),
    genesis: bytes,
    clientId: genesis.clientId,
    epochs: [{ epoch: 0, secret: random(32) }],
    signaling: [],
    readKey: null,
  };
  const engine = createGroupEngine({
    ed: testEd,
    groupId,
    genesis,
    me: { signer: identity.device, person: identity.person.publicKey, clientId: genesis.clientId },
    storage: storage.group(record.id),
    now: () => Date.now(),
    random,
  });
  for (const { epoch, secret } of record.epochs) await engine.addEpochSecret(epoch, secret);
  for (let i = 1; i <= messages; i++) {
    await engine.send({ text: i === 1 && firstText !== undefined ? firstText : `message ${i}` });
    if (i % 1000 === 0) options.progress?.(i);
  }
  await engine.saveSnapshot(sealer);
  await saveGroupRecord(storage, sealer, record);
  if (options.cache !== 'none') {
    mkdirSync(CACHE_DIR, { recursive: true });
    await storage.save(file);
    // The same group made by older code is of no more use.
    const prefix = `${slug}-${seed}-${messages}-`;
    for (const old of readdirSync(CACHE_DIR))
      if (old.startsWith(prefix) && join(CACHE_DIR, old) !== file) rmSync(join(CACHE_DIR, old));
  }
  return { storage, groupId: record.id, generated: true };
}

/** Points every group in `storage` at these signaling servers (a fixture made for another port). */
export async function setSignaling(
  storage: FileRepoStorage,
  sealer: Sealer,
  signaling: string[],
): Promise<void> {
  for (const record of await loadGroupRecords(storage, sealer))
    await saveGroupRecord(storage, sealer, { ...record, signaling });
}
