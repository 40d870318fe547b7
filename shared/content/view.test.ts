import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, catchUp, device, must } from './testing/peers.ts';
import { listMessageIds, readMessage, readMessages } from './view.ts';
import { deleteMessage, editMessage, sendMessage, setReaction } from './writer.ts';

describe('message views', () => {
  it('is null for a message that is not there', () => {
    expect(readMessage(device(ALICE).doc, `${ALICE}:1`)).toBeNull();
  });

  it('ignores edits, deletes and reactions for messages that do not exist', () => {
    const doc = device(ALICE).doc;
    doc.getMap('edits').set(`${ALICE}:7`, { text: 'ghost', at: 1 });
    doc.getMap('deletes').set(`${ALICE}:7`, { at: 1 });
    doc.getMap('reactions').set(`${ALICE}:${ALICE}:7:👍`, { on: true, at: 1 });
    expect(listMessageIds(doc)).toEqual([]);
    expect(readMessage(doc, `${ALICE}:7`)).toBeNull();
  });

  it('sorts reactions by emoji and reactors by clientID, and drops reactions turned off', () => {
    const [alice, bob, carol] = [device(ALICE), device(BOB), device(CAROL)];
    const id = must(alice, sendMessage(alice.doc, { text: 'party?', at: 1 })).id;
    catchUp(bob, alice);
    catchUp(carol, alice);
    must(carol, setReaction(carol.doc, id, '🎉', true, 2));
    must(bob, setReaction(bob.doc, id, '🎉', true, 3));
    must(alice, setReaction(alice.doc, id, '👍', true, 4));
    must(bob, setReaction(bob.doc, id, '👍', true, 5));
    must(bob, setReaction(bob.doc, id, '👍', false, 6));
    catchUp(alice, bob);
    catchUp(alice, carol);
    expect(readMessage(alice.doc, id)?.reactions).toEqual(
      [
        { emoji: '🎉', authors: [BOB, CAROL] },
        { emoji: '👍', authors: [ALICE] },
      ].sort((a, b) => (a.emoji < b.emoji ? -1 : 1)),
    );
  });

  it('shows a deleted message without its text, mentions or reactions', () => {
    const alice = device(ALICE);
    const id = must(
      alice,
      sendMessage(alice.doc, { text: 'secret', at: 1, mentions: ['b'.repeat(64)] }),
    ).id;
    must(alice, editMessage(alice.doc, id, 'secret 2', 2));
    must(alice, setReaction(alice.doc, id, '👍', true, 3));
    must(alice, deleteMessage(alice.doc, id, 4));
    expect(readMessage(alice.doc, id)).toEqual({
      id,
      author: ALICE,
      text: '',
      edited: false,
      deleted: true,
      deletedAt: 4,
      mentions: [],
      reactions: [],
      at: 1,
    });
  });

  it('does not show values that do not fit the schema (a doc loaded from elsewhere)', () => {
    const doc = device(ALICE).doc;
    doc.getMap('messages').set(`${ALICE}:1`, { text: 'fine', at: 1 });
    doc.getMap('messages').set(`${ALICE}:2`, { body: 'wrong shape' });
    doc.getMap('messages').set('not-an-id', { text: 'fine', at: 1 });
    doc.getMap('edits').set(`${ALICE}:1`, { text: '', at: 2 });
    doc.getMap('reactions').set(`${ALICE}:${ALICE}:1:👍`, { on: 'yes', at: 2 });
    expect(listMessageIds(doc).sort()).toEqual([`${ALICE}:1`, `${ALICE}:2`]);
    expect(readMessages(doc, listMessageIds(doc).sort())).toEqual([
      {
        id: `${ALICE}:1`,
        author: ALICE,
        text: 'fine',
        edited: false,
        deleted: false,
        mentions: [],
        reactions: [],
        at: 1,
      },
    ]);
  });

  it('returns views the UI may change without touching the doc', () => {
    const alice = device(ALICE);
    const id = must(
      alice,
      sendMessage(alice.doc, { text: 'hi', at: 1, mentions: ['c'.repeat(64)] }),
    ).id;
    readMessage(alice.doc, id)!.mentions.push('oops');
    expect(readMessage(alice.doc, id)!.mentions).toEqual(['c'.repeat(64)]);
  });
});
