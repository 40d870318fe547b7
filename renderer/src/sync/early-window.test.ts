import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveRecentWindow, type RecentWindow } from '../../../shared/repo/recent-window.ts';
import { saveGroupsWindow } from '../../../shared/repo/groups-window.ts';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { utf8 } from '../../../shared/crypto/bytes.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { createSealer } from '../../../shared/storage/sealer.ts';
import { seeded, testCrypto } from '../../../shared/testing/people.ts';
import { groupRecordKey, readRecords } from '../storage/idb-storage.ts';
import { readEarlyWindow } from './early-window.ts';

const GROUP = 'a'.repeat(64);
const KEY = seeded(1)(32);

const item = (n: number): MessageItem => ({
  id: `m${n}`,
  author: { person: 'b'.repeat(64), name: 'Ada' },
  mine: false,
  text: `message ${n}`,
  edited: false,
  deleted: false,
  replyTo: null,
  reactions: [],
  mentionsMe: false,
  time: 1_700_000_000_000 + n,
  future: false,
  delivery: null,
});

const window: RecentWindow = {
  groupName: 'Allotment',
  members: 3,
  historyPolicy: 'all',
  signaling: ['wss://signal.example'],
  page: { items: [item(1), item(2)], start: 40, total: 42, anchorIndex: 1 },
  unreadFrom: 41,
  notices: [
    {
      id: 'n1',
      time: 1_700_000_000_002,
      text: 'You joined',
      safety: false,
      words: { kind: 'joined', who: { me: true, name: 'Bo' } },
    },
  ],
};

let n = 0;
/** A database of its own per test, holding `window` sealed with KEY for GROUP, and closed. */
async function saved(): Promise<string> {
  const name = `early-${++n}`;
  // Made as the app makes it (and closed again), then written as idb-storage keeps records.
  expect(await readRecords([groupRecordKey(GROUP, 'recent')], name)).toEqual([null]);
  const db = await openDB(name);
  const records = {
    putRecord: (record: string, bytes: Uint8Array) =>
      db.put('records', bytes, `g:${GROUP}:${record}`).then(() => undefined),
  };
  await saveRecentWindow(records, await createSealer(testCrypto, KEY), window);
  db.close();
  return name;
}

describe('the recent window the page reads as the app loads', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is the last open group’s latest messages, unsealed with the unlocked storage key', async () => {
    const name = await saved();
    const read = readEarlyWindow(GROUP, (keys) => readRecords(keys, name));
    const early = await read(KEY);
    expect(early?.groupId).toBe(GROUP);
    expect(early?.window.groupName).toBe('Allotment');
    expect(early?.window.page.items.map((i) => i.text)).toEqual(['message 1', 'message 2']);
    expect(early?.window.unreadFrom).toBe(41);
    expect(early?.window.notices.map((n) => n.text)).toEqual(['You joined']);
  });

  it('reads the disk before the key is there, and closes the database after', async () => {
    const name = await saved();
    const read = vi.fn((keys: string[]) => readRecords(keys, name));
    const unseal = readEarlyWindow(GROUP, read);
    expect(read).toHaveBeenCalledWith([`g:${GROUP}:recent`, 'groups-window']);
    await read.mock.results[0]?.value;
    // Closed: deleting the database is not blocked by the page.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => {
        resolve();
      };
      request.onerror = () => {
        reject(new Error('delete failed'));
      };
      request.onblocked = () => {
        reject(new Error('the page kept the database open'));
      };
    });
    expect((await unseal(KEY))?.window.groupName).toBe('Allotment');
  });

  it('draws nothing early, and says why, when the key does not open it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = await saved();
    const read = readEarlyWindow(GROUP, (keys) => readRecords(keys, name));
    expect(await read(seeded(2)(32))).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      'fellows: the recent window could not be read',
      expect.objectContaining({ name: 'SealedDataError' }),
    );
  });

  it('draws nothing early for a damaged record, a failed read, or no record', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const damaged = readEarlyWindow(GROUP, () => Promise.resolve([new Uint8Array(40).fill(7)]));
    expect(await damaged(KEY)).toBeNull();
    const failed = readEarlyWindow(GROUP, () => Promise.reject(new Error('disk gone')));
    expect(await failed(KEY)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    const none = readEarlyWindow(GROUP, () => Promise.resolve([null, null]));
    expect(await none(KEY)).toBeNull();
  });

  it('reads nothing when no group was open last time', async () => {
    const read = vi.fn(() => Promise.resolve([]));
    expect(await readEarlyWindow(null, read)(KEY)).toBeNull();
    expect(read).not.toHaveBeenCalled();
  });

  it('brings the group list as the sidebar last showed it, when it has the window’s group', async () => {
    const name = await saved();
    const sealer = await createSealer(testCrypto, KEY);
    const db = await openDB(name);
    const records = {
      putRecord: (record: string, bytes: Uint8Array) =>
        db.put('records', bytes, record).then(() => undefined),
    };
    const summary = (id: string, groupName: string): GroupSummary => ({
      id,
      name: groupName,
      members: 3,
      unread: 2,
      mentions: 1,
      last: { ...item(2), delivery: { state: 'sent' } as unknown as MessageItem['delivery'] },
      signaling: ['wss://signal.example'],
      historyPolicy: 'all',
      epoch: 0,
    });
    await saveGroupsWindow(records, sealer, [
      summary(GROUP, 'Allotment'),
      summary('c'.repeat(64), 'Choir'),
    ]);
    let early = await readEarlyWindow(GROUP, (keys) => readRecords(keys, name))(KEY);
    expect(early?.groups?.map((g) => [g.name, g.unread, g.mentions, g.last?.text])).toEqual([
      ['Allotment', 2, 1, 'message 2'],
      ['Choir', 2, 1, 'message 2'],
    ]);
    // Delivery states move: not kept.
    expect(early?.groups?.[0]?.last?.delivery).toBeNull();
    // A list without the window's group is older than the window: not used.
    await saveGroupsWindow(records, sealer, [summary('c'.repeat(64), 'Choir')]);
    early = await readEarlyWindow(GROUP, (keys) => readRecords(keys, name))(KEY);
    expect(early?.window.groupName).toBe('Allotment');
    expect(early?.groups).toBeNull();
    // One that does not parse: the window is still drawn, the list is not.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await records.putRecord(
      'groups-window',
      await sealer.seal(utf8('{"version":1,"groups":[{}]}'), 'groups-window'),
    );
    early = await readEarlyWindow(GROUP, (keys) => readRecords(keys, name))(KEY);
    expect(early?.window.groupName).toBe('Allotment');
    expect(early?.groups).toBeNull();
    expect(String(warn.mock.calls[0]?.[0])).toContain('saved group list');
    db.close();
  });
});
