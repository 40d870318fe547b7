import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createContentDocs } from './docs.ts';
import { validateUpdate } from './validate.ts';
import { listMessageIds, readMessage } from './view.ts';
import { deleteMessage, editMessage, sendMessage, setReaction } from './writer.ts';

const ALICE = 11;
const ok = <T>(result: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!result.ok) throw result.error;
  return result.value;
};

describe('one content doc per epoch', () => {
  it('changes to an older epoch’s message land in the current doc, and views merge the docs', () => {
    const docs = createContentDocs(ALICE);
    const [first, second] = [docs.of(1), docs.of(2)];
    const id = ok(sendMessage(first, { text: 'lunch at one?', at: 10 })).id;
    // In the next epoch: ids go on counting, and the old message can be changed by id.
    const next = ok(sendMessage(second, { text: 'or two', at: 20, replyTo: id }, [first]));
    expect(next.id).toBe(`${ALICE}:2`);
    const edit = ok(editMessage(second, id, 'lunch at half past one?', 21, [first]));
    ok(setReaction(first, id, '👍', true, 11));
    ok(setReaction(second, id, '👍', false, 22, [first]));
    expect(second.getMap('messages').has(id)).toBe(false);

    const all = [first, second];
    expect(listMessageIds(all).sort()).toEqual([id, next.id]);
    expect(readMessage(all, id)).toMatchObject({
      text: 'lunch at half past one?',
      edited: true,
      reactions: [],
    });
    // Someone who holds only the later doc sees the later message and nothing of the older.
    expect(listMessageIds([second])).toEqual([next.id]);
    expect(readMessage([second], id)).toBeNull();
    expect(readMessage([second], next.id)?.replyTo).toBe(id);

    // A peer's copy of the later doc accepts the edit after the message before it: the edit
    // names the older message by id, never by a Yjs origin in another doc.
    const peer = createContentDocs(ALICE + 1).of(2);
    Y.applyUpdate(peer, next.update);
    expect(validateUpdate(peer, edit.update, ALICE)).toMatchObject({ ok: true });
  });

  it('the latest edit and toggle win across docs, a delete in any doc deletes', () => {
    const docs = createContentDocs(ALICE);
    const [a, b, c] = [docs.of(5), docs.of(6), docs.of(7)];
    const id = ok(sendMessage(a, { text: 'v1', at: 1 })).id;
    ok(editMessage(b, id, 'v2', 5, [a]));
    ok(editMessage(a, id, 'v3', 9));
    ok(setReaction(b, id, '🎉', true, 6, [a]));
    expect(readMessage([a, b, c], id)).toMatchObject({ text: 'v3', editedAt: 9 });
    expect(readMessage([a, b, c], id)?.reactions).toEqual([{ emoji: '🎉', authors: [ALICE] }]);
    ok(deleteMessage(c, id, 12, [a, b]));
    expect(readMessage([a, b, c], id)).toMatchObject({ deleted: true, deletedAt: 12, text: '' });
    // Once deleted anywhere, the writers refuse further changes in any doc.
    expect(editMessage(a, id, 'v4', 13, [b, c])).toMatchObject({ ok: false });
    expect(setReaction(b, id, '👍', true, 14, [a, c])).toMatchObject({ ok: false });
  });

  it('applies a batch in one transaction per doc and reports parked updates in any doc', () => {
    const docs = createContentDocs(ALICE);
    const seen: string[] = [];
    docs.of(1).on('afterTransaction', () => seen.push('1'));
    docs.of(2).on('afterTransaction', () => seen.push('2'));
    docs.transact(() => {
      docs.of(1).getMap('messages').set(`${ALICE}:1`, { text: 'a', at: 1 });
      docs.of(1).getMap('messages').set(`${ALICE}:2`, { text: 'b', at: 2 });
      docs.of(2).getMap('messages').set(`${ALICE}:3`, { text: 'c', at: 3 });
    }, 'test');
    expect(seen.sort()).toEqual(['1', '2']);
    expect(docs.pending()).toBe(false);
    // An update from the middle of someone's history: Yjs parks it.
    const other = new Y.Doc();
    other.clientID = 99;
    other.getMap('messages').set('99:1', { text: 'x', at: 1 });
    const before = Y.encodeStateVector(other);
    other.getMap('messages').set('99:2', { text: 'y', at: 2 });
    Y.applyUpdate(docs.of(3), Y.encodeStateAsUpdate(other, before));
    expect(docs.pending()).toBe(true);
    docs.destroy();
    expect(docs.entries()).toEqual([]);
  });
});
