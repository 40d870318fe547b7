import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdates, rebuildDoc } from './apply.ts';
import { MAX_TEXT_LENGTH } from './schema.ts';
import {
  ALICE,
  BOB,
  CAROL,
  allViews,
  catchUp,
  deliver,
  device,
  must,
  personKey,
} from './testing/peers.ts';
import { readMessage } from './view.ts';
import {
  createContentDoc,
  deleteMessage,
  editMessage,
  reassertClientId,
  sendMessage,
  setReaction,
} from './writer.ts';

function reasonOf(result: { ok: true } | { ok: false; error: { reason: string } }): string {
  return result.ok ? 'ok' : result.error.reason;
}

describe('content writer and round trips', () => {
  it('a message Alice sends reads the same on Bob’s device', () => {
    const alice = device(ALICE);
    const bob = device(BOB);
    const { id } = must(alice, sendMessage(alice.doc, { text: '  Dinner at 7?  ', at: 1000 }));
    expect(id).toBe(`${ALICE}:1`);
    expect(deliver(bob, alice.sent[0]!, ALICE)).toEqual({ ok: true });
    const view = readMessage(bob.doc, id);
    expect(view).toEqual({
      id,
      author: ALICE,
      text: 'Dinner at 7?',
      edited: false,
      deleted: false,
      mentions: [],
      reactions: [],
      at: 1000,
    });
    expect(allViews(bob.doc)).toEqual(allViews(alice.doc));
  });

  it('edits, deletes, reactions, replies and mentions arrive intact', () => {
    const alice = device(ALICE);
    const bob = device(BOB);
    const carol = device(CAROL);
    const first = must(alice, sendMessage(alice.doc, { text: 'Who brings bread?', at: 1 })).id;
    catchUp(bob, alice);
    const reply = must(
      bob,
      sendMessage(bob.doc, { text: 'Me', at: 2, replyTo: first, mentions: [personKey('a')] }),
    ).id;
    must(alice, editMessage(alice.doc, first, 'Who brings bread and cheese?', 3));
    must(alice, editMessage(alice.doc, first, 'Who brings bread, cheese and wine?', 4));
    catchUp(alice, bob);
    must(alice, setReaction(alice.doc, reply, '👍', true, 5));
    must(bob, setReaction(bob.doc, reply, '👍', true, 6));
    must(bob, setReaction(bob.doc, reply, '🎉', true, 7));
    must(bob, setReaction(bob.doc, reply, '🎉', false, 8));
    const doomed = must(bob, sendMessage(bob.doc, { text: 'oops', at: 9 })).id;
    must(bob, deleteMessage(bob.doc, doomed, 10));
    for (const from of [alice, bob]) catchUp(carol, from);
    catchUp(alice, bob);
    catchUp(bob, alice);

    expect(allViews(carol.doc)).toEqual(allViews(alice.doc));
    expect(allViews(carol.doc)).toEqual(allViews(bob.doc));
    expect(readMessage(carol.doc, first)).toMatchObject({
      text: 'Who brings bread, cheese and wine?',
      edited: true,
      editedAt: 4,
    });
    expect(readMessage(carol.doc, reply)).toMatchObject({
      replyTo: first,
      mentions: [personKey('a')],
      reactions: [{ emoji: '👍', authors: [ALICE, BOB] }],
    });
    expect(readMessage(carol.doc, doomed)).toMatchObject({
      deleted: true,
      text: '',
      deletedAt: 10,
    });
  });

  it('the per-device counter survives a restart (a doc rebuilt from its own updates)', () => {
    const alice = device(ALICE);
    const bob = device(BOB);
    for (let i = 0; i < 3; i++) must(alice, sendMessage(alice.doc, { text: `m${i}`, at: i }));
    catchUp(bob, alice);

    const rebuilt = rebuildDoc(ALICE, alice.sent);
    if (!rebuilt.ok) throw rebuilt.error;
    expect(rebuilt.doc.clientID).toBe(ALICE);
    const restarted = { id: ALICE, doc: rebuilt.doc, sent: alice.sent };
    const { id } = must(restarted, sendMessage(rebuilt.doc, { text: 'after restart', at: 9 }));
    expect(id).toBe(`${ALICE}:4`);
    catchUp(bob, restarted);
    expect(readMessage(bob.doc, id)?.text).toBe('after restart');
  });

  it('Yjs changes the clientID when loading our own history; reassertClientId puts it back', () => {
    const alice = device(ALICE);
    must(alice, sendMessage(alice.doc, { text: 'hello', at: 1 }));
    const fresh = createContentDoc(ALICE);
    Y.applyUpdate(fresh, alice.sent[0]!);
    expect(fresh.clientID).not.toBe(ALICE);
    reassertClientId(fresh, ALICE);
    expect(fresh.clientID).toBe(ALICE);

    const viaApply = createContentDoc(ALICE);
    expect(applyUpdates(viaApply, alice.sent, ALICE)).toEqual({ ok: true });
    expect(viaApply.clientID).toBe(ALICE);
  });

  it('writes under the stable clientID even if Yjs changed it and nobody re-asserted', () => {
    const alice = device(ALICE);
    must(alice, sendMessage(alice.doc, { text: 'one', at: 1 }));
    const doc = createContentDoc(ALICE);
    Y.applyUpdate(doc, alice.sent[0]!);
    const result = sendMessage(doc, { text: 'two', at: 2 });
    expect(result.ok && result.value.id).toBe(`${ALICE}:2`);
    expect(doc.clientID).toBe(ALICE);
  });

  it('an update carries only the writer’s own deletes, never other members’', () => {
    const alice = device(ALICE);
    const bob = device(BOB);
    const carol = device(CAROL);
    const id = must(alice, sendMessage(alice.doc, { text: 'vote', at: 1 })).id;
    catchUp(bob, alice);
    must(bob, setReaction(bob.doc, id, '👍', true, 2));
    must(bob, setReaction(bob.doc, id, '👍', false, 3)); // deletes Bob's first reaction
    catchUp(alice, bob);
    must(alice, editMessage(alice.doc, id, 'vote now', 4));
    catchUp(carol, alice);
    catchUp(carol, bob);
    expect(allViews(carol.doc)).toEqual(allViews(alice.doc));
  });

  it('refuses what peers would refuse, with a reason', () => {
    const alice = device(ALICE);
    const bob = device(BOB);
    const mine = must(alice, sendMessage(alice.doc, { text: 'mine', at: 1 })).id;
    catchUp(bob, alice);
    const gone = must(alice, sendMessage(alice.doc, { text: 'gone', at: 2 })).id;
    must(alice, deleteMessage(alice.doc, gone, 3));

    expect(reasonOf(sendMessage(alice.doc, { text: ' \n ', at: 1 }))).toBe('empty-text');
    const long = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(reasonOf(sendMessage(alice.doc, { text: long, at: 1 }))).toBe('text-too-long');
    expect(reasonOf(sendMessage(alice.doc, { text: 'x', at: -1 }))).toBe('bad-time');
    expect(reasonOf(sendMessage(alice.doc, { text: 'x', at: 1.5 }))).toBe('bad-time');
    expect(reasonOf(sendMessage(alice.doc, { text: 'x', at: 1, replyTo: '5:5' }))).toBe(
      'bad-reply',
    );
    expect(reasonOf(sendMessage(alice.doc, { text: 'x', at: 1, mentions: ['Bob'] }))).toBe(
      'bad-mentions',
    );
    const many = Array.from({ length: 51 }, (_, i) => i.toString(16).padStart(64, '0'));
    expect(reasonOf(sendMessage(alice.doc, { text: 'x', at: 1, mentions: many }))).toBe(
      'bad-mentions',
    );
    expect(reasonOf(editMessage(bob.doc, mine, 'not yours', 4))).toBe('not-author');
    expect(reasonOf(deleteMessage(bob.doc, mine, 4))).toBe('not-author');
    expect(reasonOf(editMessage(alice.doc, `${ALICE}:99`, 'x', 4))).toBe('unknown-message');
    expect(reasonOf(editMessage(alice.doc, mine, '', 4))).toBe('empty-text');
    expect(reasonOf(editMessage(alice.doc, gone, 'back', 4))).toBe('deleted');
    expect(reasonOf(deleteMessage(alice.doc, gone, 4))).toBe('deleted');
    expect(reasonOf(setReaction(alice.doc, gone, '👍', true, 4))).toBe('deleted');
    expect(reasonOf(setReaction(alice.doc, '5:5', '👍', true, 4))).toBe('unknown-message');
    expect(reasonOf(setReaction(alice.doc, mine, 'a b', true, 4))).toBe('bad-emoji');
    expect(reasonOf(setReaction(alice.doc, mine, '', true, 4))).toBe('bad-emoji');
  });

  it('refusing writes nothing', () => {
    const alice = device(ALICE);
    must(alice, sendMessage(alice.doc, { text: 'a', at: 1 }));
    const before = Y.encodeStateAsUpdate(alice.doc);
    sendMessage(alice.doc, { text: '', at: 1 });
    editMessage(alice.doc, '1:1', 'x', 1);
    expect(Y.encodeStateAsUpdate(alice.doc)).toEqual(before);
  });
});
