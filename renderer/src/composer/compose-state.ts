import type { ComposeIntent } from '../conversation/intent.ts';
import { insertMention, type MentionQuery } from './mentions.ts';

/** Where the app puts the caret after changing the text itself; `n` tells two moves apart. */
export type CaretMove = { at: number; focus: boolean; n: number };

/** Everything the composer holds between keystrokes. */
export type ComposeState = {
  text: string;
  /** The caret as last seen in the textarea: where an `@` or `:` query ends. */
  caret: number;
  /** Replying, or editing one of my messages; null for a new message. */
  mode: ComposeIntent | null;
  /** What was being written when an edit began: it comes back when the edit ends. */
  stash: string;
  /** Members picked from the mention list, person key → name. */
  picked: Readonly<Record<string, string>>;
  /** The `@` or `:` whose list was closed (Esc, or a pick): it stays closed for that one. */
  dismissedAt: number | null;
  /** The person has typed: a draft that loads late must not overwrite it. */
  touched: boolean;
  move: CaretMove | null;
};

export type ComposeAction =
  | { type: 'input'; text: string; caret: number }
  | { type: 'caret'; caret: number }
  /** The group's saved draft arrived. */
  | { type: 'restore'; text: string }
  | { type: 'begin'; intent: ComposeIntent }
  /** The reply or edit is over (cancelled, or the edit saved). */
  | { type: 'end' }
  /** `text` was sent: clear it, unless the person wrote on meanwhile. */
  | { type: 'sent'; text: string }
  | { type: 'pick'; query: MentionQuery; person: string; name: string }
  /** Text the app puts in place of `start`…`end` (an emoji for its `:code`, or from the picker). */
  | { type: 'replace'; start: number; end: number; insert: string }
  | { type: 'dismiss'; start: number };

export const EMPTY_COMPOSE: ComposeState = {
  text: '',
  caret: 0,
  mode: null,
  stash: '',
  picked: {},
  dismissedAt: null,
  touched: false,
  move: null,
};

function moveTo(state: ComposeState, at: number, focus: boolean): CaretMove {
  return { at, focus, n: (state.move?.n ?? 0) + 1 };
}

/** The text to keep as the group's draft: during an edit, what the edit set aside. */
export function draftOf(state: ComposeState): string {
  return state.mode?.kind === 'edit' ? state.stash : state.text;
}

export function composeReducer(state: ComposeState, action: ComposeAction): ComposeState {
  switch (action.type) {
    case 'input': {
      // A deleted `@` or `:` takes its dismissal with it.
      const dismissed = state.dismissedAt;
      const at = dismissed === null ? undefined : action.text[dismissed];
      const keep = at === '@' || at === ':';
      return {
        ...state,
        text: action.text,
        caret: action.caret,
        touched: true,
        dismissedAt: keep ? dismissed : null,
      };
    }
    case 'caret':
      return action.caret === state.caret ? state : { ...state, caret: action.caret };
    case 'restore':
      if (state.touched || state.mode || action.text === '') return state;
      return {
        ...state,
        text: action.text,
        caret: action.text.length,
        move: moveTo(state, action.text.length, false),
      };
    case 'begin': {
      const { intent } = action;
      const editing = state.mode?.kind === 'edit';
      const stash = intent.kind === 'edit' ? (editing ? state.stash : state.text) : '';
      const text =
        intent.kind === 'edit' ? intent.message.text : editing ? state.stash : state.text;
      return {
        ...state,
        mode: intent,
        stash,
        text,
        caret: text.length,
        dismissedAt: null,
        move: moveTo(state, text.length, true),
      };
    }
    case 'end': {
      const text = draftOf(state);
      return {
        ...state,
        mode: null,
        stash: '',
        text,
        caret: text.length,
        move: moveTo(state, text.length, true),
      };
    }
    case 'sent':
      if (state.text !== action.text) return { ...state, mode: null };
      return { ...EMPTY_COMPOSE, touched: true, move: moveTo(state, 0, true) };
    case 'pick': {
      const { text, caret } = insertMention(state.text, action.query, action.name);
      return {
        ...state,
        text,
        caret,
        touched: true,
        picked: { ...state.picked, [action.person]: action.name },
        dismissedAt: action.query.start,
        move: moveTo(state, caret, true),
      };
    }
    case 'replace': {
      const start = Math.max(0, Math.min(action.start, state.text.length));
      const end = Math.max(start, Math.min(action.end, state.text.length));
      const text = state.text.slice(0, start) + action.insert + state.text.slice(end);
      const caret = start + action.insert.length;
      return { ...state, text, caret, touched: true, move: moveTo(state, caret, true) };
    }
    case 'dismiss':
      return { ...state, dismissedAt: action.start };
  }
}
