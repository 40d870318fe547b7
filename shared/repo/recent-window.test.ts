import { describe, expect, it } from 'vitest';
import { utf8 } from '../crypto/bytes.ts';
import { SnapshotError } from '../group/snapshot.ts';
import { createSealer, SealedDataError } from '../storage/sealer.ts';
import { seeded, testCrypto } from '../testing/people.ts';
import { memoryNetwork } from './network.ts';
import {
  readRecentWindow,
  RECENT_LABEL,
  RECENT_RECORD,
  RECENT_SIZE,
  saveRecentWindow,
} from './recent-window.ts';
import { repoPerson, SIGNALING } from './testing.ts';

describe('the recent window', () => {
  it('holds the latest messages as the UI shows them, readable without opening the group', async () => {
    const ada = await repoPerson(1, 'Ada', memoryNetwork());
    const group = await ada.repo.create({ name: 'Allotment', signaling: SIGNALING });
    const first = await group.send('the spare key is under the blue flowerpot');
    await group.send('**water** the tomatoes', { replyTo: first });
    await group.react(first, '🌱', true);
    for (let i = 0; i < RECENT_SIZE; i++) await group.send(`filler ${i}`);
    const shown = group.page('latest', RECENT_SIZE - 1, 0);
    await ada.repo.close();

    const storage = ada.storage.group(group.id);
    const recent = await readRecentWindow(storage, ada.sealer);
    expect(recent?.groupName).toBe('Allotment');
    expect(recent?.members).toBe(1);
    expect(recent?.historyPolicy).toBe('all');
    expect(recent?.signaling).toEqual(SIGNALING);
    expect(recent?.page.total).toBe(RECENT_SIZE + 2);
    expect(recent?.page.start).toBe(2);
    expect(recent?.page.items).toHaveLength(RECENT_SIZE);
    expect(recent?.page.anchorIndex).toBe(RECENT_SIZE - 1);
    expect(recent?.page.items).toEqual(shown.items.map((item) => ({ ...item, delivery: null })));

    // Sealed: no plaintext at rest, and another device's key cannot open it.
    const sealed = (await storage.getRecord(RECENT_RECORD))!;
    const needle = utf8('filler 1');
    expect(sealed.some((_, i) => needle.every((byte, k) => sealed[i + k] === byte))).toBe(false);
    const other = await createSealer(testCrypto, seeded(999)(32));
    await expect(readRecentWindow(storage, other)).rejects.toThrow(SealedDataError);
  });

  it('keeps reply quotes and reactions, and says nothing for a group that has none yet', async () => {
    const ada = await repoPerson(1, 'Ada', memoryNetwork());
    const group = await ada.repo.create({ name: 'Tiny', signaling: SIGNALING });
    expect(await readRecentWindow(ada.storage.group(group.id), ada.sealer)).toBeNull();
    const first = await group.send('hello');
    await group.send('hi back', { replyTo: first });
    await group.react(first, '👋', true);
    await ada.repo.close();
    const recent = await readRecentWindow(ada.storage.group(group.id), ada.sealer);
    expect(recent?.page.items.map((i) => [i.text, i.replyTo, i.reactions])).toEqual([
      ['hello', null, [{ emoji: '👋', count: 1, mine: true, people: ['Ada'] }]],
      ['hi back', { id: first, author: 'Ada', excerpt: 'hello' }, []],
    ]);
  });

  it('says where the unread messages begin, when that is inside the window', async () => {
    const ada = await repoPerson(1, 'Ada', memoryNetwork());
    const group = await ada.repo.create({ name: 'Allotment', signaling: SIGNALING });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await group.send(`note ${i}`));
    const window = async () => {
      await ada.repo.close();
      return readRecentWindow(ada.storage.group(group.id), ada.sealer);
    };
    // Never read: no divider (the history is not news).
    expect((await window())?.unreadFrom).toBeNull();

    const again = await ada.start();
    await again.get(group.id)?.markRead(ids[5] ?? '');
    await again.close();
    const read = await readRecentWindow(ada.storage.group(group.id), ada.sealer);
    expect(read?.unreadFrom).toBe(6);
    expect(read?.page.items.find((item) => item.text === 'note 6')).toBe(read?.page.items[6]);
  });

  it('keeps the membership notices among its messages, as the list will show them', async () => {
    const ada = await repoPerson(1, 'Ada', memoryNetwork());
    const storage = ada.storage.group('1'.repeat(64));
    const message = (n: number) => ({
      id: `m${String(n)}`,
      author: { person: 'a'.repeat(64), name: 'Ada' },
      mine: true,
      text: `note ${String(n)}`,
      edited: false,
      deleted: false,
      replyTo: null,
      reactions: [],
      mentionsMe: false,
      time: 1000 + n,
      future: false,
      delivery: null,
    });
    const notice = (time: number, text: string) => ({
      id: `n${String(time)}`,
      time,
      text,
      safety: false,
      words: { kind: 'joined' as const, who: { me: false, name: text.split(' ')[0] ?? '' } },
    });
    const saved = (start: number) =>
      saveRecentWindow(storage, ada.sealer, {
        groupName: 'Allotment',
        members: 2,
        historyPolicy: 'all',
        signaling: SIGNALING,
        page: {
          items: [message(start), message(start + 1)],
          start,
          total: start + 2,
          anchorIndex: 1,
        },
        unreadFrom: null,
        notices: [
          notice(5, 'Bo joined'),
          notice(1000 + start, 'Cy joined'),
          notice(2000, 'You joined'),
        ],
      });
    // Messages after the first: a notice from before them is not in the list, so not kept.
    await saved(10);
    const later = await readRecentWindow(storage, ada.sealer);
    expect(later?.notices.map((n) => n.text)).toEqual(['Cy joined', 'You joined']);
    // The whole conversation: every notice, the ones before the first message too.
    await saved(0);
    const whole = await readRecentWindow(storage, ada.sealer);
    expect(whole?.notices.map((n) => n.text)).toEqual(['Bo joined', 'Cy joined', 'You joined']);
    // A window saved before notices were kept has none.
    await storage.putRecord(
      RECENT_RECORD,
      await ada.sealer.seal(
        utf8(
          JSON.stringify({
            version: 2,
            groupName: 'x',
            members: 1,
            historyPolicy: 'all',
            signaling: [],
            start: 0,
            total: 0,
            items: [],
          }),
        ),
        RECENT_LABEL,
      ),
    );
    expect((await readRecentWindow(storage, ada.sealer))?.notices).toEqual([]);
  });

  it('reads an older version as none, and refuses a damaged one with a clear error', async () => {
    const ada = await repoPerson(1, 'Ada', memoryNetwork());
    const storage = ada.storage.group('0'.repeat(64));
    const put = async (text: string) => {
      await storage.putRecord(RECENT_RECORD, await ada.sealer.seal(utf8(text), RECENT_LABEL));
    };
    await put(JSON.stringify({ version: 1, total: 0, messages: [] }));
    expect(await readRecentWindow(storage, ada.sealer)).toBeNull();
    await put('{ not json');
    await expect(readRecentWindow(storage, ada.sealer)).rejects.toThrow(SnapshotError);
    await put(
      JSON.stringify({
        version: 2,
        groupName: 'x',
        members: -1,
        historyPolicy: 'all',
        signaling: [],
        start: 0,
        total: 0,
        items: [],
      }),
    );
    await expect(readRecentWindow(storage, ada.sealer)).rejects.toThrow(/unreadable recent window/);
  });
});
