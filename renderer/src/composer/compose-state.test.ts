import { describe, expect, it } from 'vitest';
import type { MessageItem } from '../../../shared/repo/views.ts';
import {
  EMPTY_COMPOSE,
  composeReducer,
  draftOf,
  type ComposeAction,
  type ComposeState,
} from './compose-state.ts';

function message(id: string, text: string): MessageItem {
  return {
    id,
    author: { person: 'b'.repeat(64), name: 'Bo' },
    mine: true,
    text,
    edited: false,
    deleted: false,
    replyTo: null,
    reactions: [],
    mentionsMe: false,
    time: 0,
    future: false,
    delivery: null,
  };
}

const run = (...actions: ComposeAction[]): ComposeState =>
  actions.reduce(composeReducer, EMPTY_COMPOSE);
const type = (text: string): ComposeAction => ({ type: 'input', text, caret: text.length });

describe('composeReducer', () => {
  it('an edit sets aside what was being written, and Esc brings it back', () => {
    const editing = run(type('half a thought'), {
      type: 'begin',
      intent: { kind: 'edit', message: message('1:1', 'old text') },
    });
    expect(editing.text).toBe('old text');
    expect(draftOf(editing)).toBe('half a thought');
    expect(editing.move).toMatchObject({ at: 8, focus: true });
    const after = composeReducer(composeReducer(editing, type('old text!')), { type: 'end' });
    expect(after.text).toBe('half a thought');
    expect(after.mode).toBeNull();
  });

  it('a second edit keeps the first stash; a reply during an edit gets it back', () => {
    const edit = (id: string, text: string): ComposeAction => ({
      type: 'begin',
      intent: { kind: 'edit', message: message(id, text) },
    });
    const twice = run(type('mine'), edit('1:1', 'one'), edit('1:2', 'two'));
    expect(twice.text).toBe('two');
    expect(twice.stash).toBe('mine');
    const reply = composeReducer(twice, {
      type: 'begin',
      intent: { kind: 'reply', message: message('1:3', 'three') },
    });
    expect(reply.text).toBe('mine');
    expect(reply.mode?.kind).toBe('reply');
  });

  it('a reply keeps the text and ends when sent', () => {
    const replying = run(type('sure'), {
      type: 'begin',
      intent: { kind: 'reply', message: message('1:1', 'coming?') },
    });
    expect(replying.text).toBe('sure');
    const sent = composeReducer(replying, { type: 'sent', text: 'sure' });
    expect(sent.text).toBe('');
    expect(sent.mode).toBeNull();
  });

  it('does not clear what was typed while a send was on its way', () => {
    const state = run(type('one'), type('one and more'), { type: 'sent', text: 'one' });
    expect(state.text).toBe('one and more');
  });

  it('a late draft fills an untouched composer only', () => {
    expect(run({ type: 'restore', text: 'saved' }).text).toBe('saved');
    expect(run(type('new'), { type: 'restore', text: 'saved' }).text).toBe('new');
  });

  it('picking a member inserts the name, remembers the person and closes the list there', () => {
    const state = run(type('hi @b'), {
      type: 'pick',
      query: { start: 3, end: 5, query: 'b' },
      person: 'p1',
      name: 'Bo',
    });
    expect(state.text).toBe('hi @Bo ');
    expect(state.picked).toEqual({ p1: 'Bo' });
    expect(state.dismissedAt).toBe(3);
    expect(state.move).toMatchObject({ at: 7, focus: true });
  });

  it('a dismissed list stays closed for its @ until that @ is deleted', () => {
    const dismissed = run(type('@b'), { type: 'dismiss', start: 0 });
    expect(composeReducer(dismissed, type('@bo')).dismissedAt).toBe(0);
    expect(composeReducer(dismissed, type('b')).dismissedAt).toBeNull();
  });

  it('a dismissed emoji list stays closed for its colon until that colon is deleted', () => {
    const dismissed = run(type('ok :jo'), { type: 'dismiss', start: 3 });
    expect(composeReducer(dismissed, type('ok :joy')).dismissedAt).toBe(3);
    expect(composeReducer(dismissed, type('ok jo')).dismissedAt).toBeNull();
  });

  it('puts an emoji in place of its code, or of the selection, with the caret after it', () => {
    const coded = run(type('nice :thu and more'), {
      type: 'replace',
      start: 5,
      end: 9,
      insert: '👍️',
    });
    expect(coded.text).toBe('nice 👍️ and more');
    expect(coded.move).toMatchObject({ at: 5 + '👍️'.length, focus: true });
    // A range past the text (it changed meanwhile) is cut to it.
    expect(run(type('hi'), { type: 'replace', start: 2, end: 9, insert: '🎉' }).text).toBe('hi🎉');
  });
});
