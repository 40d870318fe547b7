import {
  useCallback,
  useId,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { MemberItem } from '../../../shared/repo/views.ts';
import { FieldError } from '../app/FieldError.tsx';
import type { ComposeIntent } from '../conversation/intent.ts';
import { formatNumber, sentenceGap } from '../i18n/format.ts';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';
import { useReasonWords } from '../i18n/reason.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { EMPTY_COMPOSE, composeReducer, draftOf, type ComposeState } from './compose-state.ts';
import { IntentBanner } from './IntentBanner.tsx';
import { textLength } from './limit.ts';
import { matchMembers, mentionQuery, mentionedPeople, type MentionQuery } from './mentions.ts';
import {
  emojiQuery,
  exactEmoji,
  matchEmoji,
  type EmojiMatch,
  type EmojiQuery,
  type EmojiTable,
} from './emoji-codes.ts';
import type { SkinToneSetting } from '../settings/settings.ts';
import { useSettings } from '../settings/app-settings.ts';
import { EmojiButton } from './EmojiButton.tsx';
import { Avatar } from '../app/Avatar.tsx';
import { SuggestionList, optionId } from './SuggestionList.tsx';
import { useDraft } from './useDraft.ts';
import { useEmojiTable } from './useEmojiTable.ts';
import './composer.css';
import { forInputMethod } from '../app/input-method.ts';

/** Re-tell the room we are typing at most this often while keys keep coming. */
const TYPING_REFRESH_MS = 3_000;
/** How far back Up looks for my last message to edit. */
const EDITABLE_WINDOW = 50;

export type ComposerProps = {
  group: GroupSummary;
  members: MemberItem[];
  /** Replying to or editing a message, as the message list asked; null for a new message. */
  intent: ComposeIntent | null;
  /** The reply was sent, the edit saved, or either cancelled. */
  onIntentDone: () => void;
};

/** What the list over the box offers: members for an `@`, or emoji for a `:code`. */
type Suggestions =
  | { kind: 'mention'; query: MentionQuery; items: MemberItem[] }
  | { kind: 'emoji'; query: EmojiQuery; items: EmojiMatch[] };

/** Why the last send or edit did not go through. */
type ComposeProblem =
  { kind: 'edit-empty' } | { kind: 'edit-failed' | 'send-failed'; reason: Reason };

function problemWords(
  t: TFunction<'composer'>,
  words: (reason: Reason) => string,
  problem: ComposeProblem,
): string {
  if (problem.kind === 'edit-empty') return t('editEmpty');
  const reason = words(problem.reason);
  return problem.kind === 'edit-failed' ? t('editFailed', { reason }) : t('sendFailed', { reason });
}

/**
 * Where a message is written: Enter sends, Shift+Enter starts a new line, Up edits my last
 * message, Esc cancels a reply or an edit, `@` offers members to mention, `:` and two letters
 * offer emoji (a whole `:code:` becomes its emoji), and a button opens the emoji picker.
 */
export function Composer(props: ComposerProps) {
  const { group, members, intent, onIntentDone } = props;
  const { t } = useTranslation('composer');
  const reasonWords = useReasonWords();
  const store = useSyncStore();
  const [state, dispatch] = useReducer(composeReducer, EMPTY_COMPOSE);
  // What went wrong, worded when drawn, so it reads in the language shown then.
  const [problem, setProblem] = useState<ComposeProblem | null>(null);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState({ at: -1, index: 0 });
  const typedAt = useRef(0);
  const pending = useRef(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const listId = `${ids}-suggestions`;
  const bannerId = `${ids}-banner`;
  const statusId = `${ids}-status`;

  // A reply or an edit asked for by the message list starts here, once per request.
  const [seenIntent, setSeenIntent] = useState<ComposeIntent | null>(null);
  if (intent !== seenIntent) {
    setSeenIntent(intent);
    if (intent) {
      dispatch({ type: 'begin', intent });
      setProblem(null);
    }
  }

  const restore = useCallback((text: string) => {
    dispatch({ type: 'restore', text });
  }, []);
  const draftTooLong = useDraft(group.id, draftOf(state), restore);

  useLayoutEffect(() => {
    const box = textarea.current;
    if (!box || !state.move) return;
    if (state.move.focus) box.focus();
    box.setSelectionRange(state.move.at, state.move.at);
  }, [state.move]);

  const { mode, text } = state;
  const length = textLength(text);
  const over = length.over > 0;

  // The emoji codes load once a `:` is typed, so that a quick `:joy:` finds them there.
  const emojiTable = useEmojiTable(focused && text.includes(':'));
  const { skinTone } = useSettings();
  const suggestions = suggest(state, focused, members, emojiTable, skinTone);
  const open = suggestions !== null;
  const activeIndex =
    open && active.at === suggestions.query.start
      ? Math.min(active.index, suggestions.items.length - 1)
      : 0;

  function onInput(next: string, caret: number) {
    dispatch({ type: 'input', text: next, caret });
    setProblem(null);
    // One `:` typed to close a known `:code:` turns it into its emoji, as in Slack.
    const code = next.length === text.length + 1 ? emojiQuery(next, caret) : null;
    const emoji = code && emojiTable ? exactEmoji(emojiTable, code, skinTone) : null;
    if (code && emoji)
      dispatch({ type: 'replace', start: code.start, end: code.end, insert: emoji });
    const client = store.client();
    if (!client) return;
    const now = Date.now();
    const typing = next.trim() !== '';
    // Tell the room when typing starts or stops, and again now and then while it goes on.
    if (typing && now - typedAt.current < TYPING_REFRESH_MS) return;
    if (!typing && typedAt.current === 0) return;
    typedAt.current = typing ? now : 0;
    client.setTyping(group.id, typing).catch((caught: unknown) => {
      console.warn('Telling the room we type failed', caught);
    });
  }

  function finish() {
    dispatch({ type: 'end' });
    setProblem(null);
    onIntentDone();
  }

  function pick(index: number) {
    if (suggestions?.kind === 'mention') {
      const member = suggestions.items[index];
      if (member)
        dispatch({
          type: 'pick',
          query: suggestions.query,
          person: member.person,
          name: member.name,
        });
    } else if (suggestions?.kind === 'emoji') {
      const { start, end } = suggestions.query;
      const match = suggestions.items[index];
      if (match) dispatch({ type: 'replace', start, end, insert: match.emoji });
    }
  }

  /** An emoji from the picker, in place of what is selected in the box. */
  function insertEmoji(emoji: string) {
    const box = textarea.current;
    const start = box?.selectionStart ?? state.caret;
    const end = box?.selectionEnd ?? start;
    dispatch({ type: 'replace', start, end, insert: emoji });
    setProblem(null);
  }

  async function submit() {
    const client = store.client();
    if (!client || pending.current) return;
    const body = text.trim();
    if (mode?.kind === 'edit') {
      if (body === '') {
        setProblem({ kind: 'edit-empty' });
        return;
      }
      if (body === mode.message.text.trim()) {
        finish();
        return;
      }
    }
    if (body === '' || over) return;
    pending.current = true;
    setProblem(null);
    try {
      if (mode?.kind === 'edit') {
        await client.edit(group.id, mode.message.id, body);
        finish();
      } else {
        const mentions = mentionedPeople(body, members, state.picked);
        await client.send(group.id, body, {
          ...(mode ? { replyTo: mode.message.id } : {}),
          ...(mentions.length > 0 ? { mentions } : {}),
        });
        dispatch({ type: 'sent', text });
        typedAt.current = 0;
        if (mode) onIntentDone();
      }
    } catch (caught) {
      const reason = reasonFrom(caught);
      setProblem({ kind: mode?.kind === 'edit' ? 'edit-failed' : 'send-failed', reason });
    } finally {
      pending.current = false;
    }
  }

  async function editLast() {
    const client = store.client();
    if (!client) return;
    try {
      const page = await client.page(group.id, 'latest', EDITABLE_WINDOW, 0);
      const last = page.items.findLast((item) => item.mine && !item.deleted);
      if (last) dispatch({ type: 'begin', intent: { kind: 'edit', message: last } });
    } catch (caught) {
      console.error('Finding the last message to edit failed', caught);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Keys that choose or confirm an input method's candidate are the IME's, not ours.
    if (forInputMethod(event)) return;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (open) {
      const last = suggestions.items.length - 1;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        const index = down
          ? activeIndex >= last
            ? 0
            : activeIndex + 1
          : activeIndex <= 0
            ? last
            : activeIndex - 1;
        setActive({ at: suggestions.query.start, index });
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && plain) {
        event.preventDefault();
        pick(activeIndex);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        dispatch({ type: 'dismiss', start: suggestions.query.start });
        return;
      }
    }
    if (event.key === 'Escape' && mode) {
      event.preventDefault();
      event.stopPropagation();
      finish();
    } else if (event.key === 'ArrowUp' && plain && text === '' && mode?.kind !== 'edit') {
      event.preventDefault();
      void editLast();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  }

  const editing = mode?.kind === 'edit';
  // Named as it reads: a screen reader says what the placeholder shows, in its language.
  const label = t('placeholder', { group: group.name });
  const describedBy = [mode ? bannerId : null, length.counted || over ? statusId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`compose${mode ? ` compose-${mode.kind}` : ''}`}>
      {mode ? <IntentBanner id={bannerId} intent={mode} onCancel={finish} /> : null}
      <form
        className="compose-row"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {open ? (
          <Suggested
            id={listId}
            suggestions={suggestions}
            active={activeIndex}
            onPick={pick}
            onActive={(index) => {
              setActive({ at: suggestions.query.start, index });
            }}
          />
        ) : null}
        <textarea
          ref={textarea}
          className="compose-input"
          aria-label={label}
          placeholder={label}
          aria-describedby={describedBy || undefined}
          aria-invalid={over || undefined}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(listId, activeIndex) : undefined}
          // Else the browser saves the draft with its session, in the clear (e2e/at-rest).
          autoComplete="off"
          rows={1}
          value={text}
          onChange={(event) => {
            onInput(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => {
            dispatch({ type: 'caret', caret: event.currentTarget.selectionStart });
          }}
          onFocus={() => {
            setFocused(true);
          }}
          onBlur={() => {
            setFocused(false);
          }}
          onKeyDown={onKeyDown}
        />
        <EmojiButton
          onPick={insertEmoji}
          onClose={() => {
            textarea.current?.focus();
          }}
        />
        <button
          type="submit"
          className="primary compose-send"
          disabled={over || (!editing && text.trim() === '')}
          aria-describedby={over ? statusId : undefined}
        >
          {editing ? t('save') : t('send')}
        </button>
      </form>
      <p className="compose-announce" aria-live="polite">
        {open
          ? t(suggestions.kind === 'mention' ? 'mentionHelp' : 'emojiHelp', {
              count: suggestions.items.length,
            })
          : ''}
      </p>
      <ComposeStatus
        id={statusId}
        over={length.over}
        left={length.counted ? length.left : null}
        draftTooLong={draftTooLong}
      />
      <FieldError
        message={problem && problemWords(t, reasonWords, problem)}
        className="compose-error"
      />
    </div>
  );
}

/** Members for the `@` before the caret, else emoji for the `:code` there, else nothing. */
function suggest(
  state: ComposeState,
  focused: boolean,
  members: readonly MemberItem[],
  emojiTable: EmojiTable | null,
  skinTone: SkinToneSetting,
): Suggestions | null {
  if (!focused) return null;
  const mention = mentionQuery(state.text, state.caret);
  if (mention && mention.start !== state.dismissedAt) {
    const items = matchMembers(members, mention.query);
    if (items.length > 0) return { kind: 'mention', query: mention, items };
  }
  const code = emojiTable ? emojiQuery(state.text, state.caret) : null;
  if (emojiTable && code && code.start !== state.dismissedAt) {
    const items = matchEmoji(emojiTable, code, skinTone);
    if (items.length > 0) return { kind: 'emoji', query: code, items };
  }
  return null;
}

/** The list over the box, worded for what it offers. */
function Suggested(props: {
  id: string;
  suggestions: Suggestions;
  active: number;
  onPick: (index: number) => void;
  onActive: (index: number) => void;
}) {
  const { t } = useTranslation('composer');
  const { suggestions, ...list } = props;
  if (suggestions.kind === 'mention')
    return (
      <SuggestionList
        {...list}
        label={t('mentionList')}
        items={suggestions.items}
        keyOf={(member) => member.person}
        render={(member) => (
          <>
            {/* The member's colour as the message list shows it (app/tone.css). */}
            <span className={`mention-avatar tone-${member.tone}`}>
              <Avatar name={member.name} size={22} />
            </span>
            <span className="mention-name">{member.name}</span>
          </>
        )}
      />
    );
  return (
    <SuggestionList
      {...list}
      label={t('emojiList')}
      items={suggestions.items}
      keyOf={(match) => match.emoji}
      render={(match) => (
        <>
          <span className="suggestion-emoji">{match.emoji}</span>
          <span className="emoji-code">:{match.code}:</span>
        </>
      )}
    />
  );
}

/** Under the box: how much room is left, or how far over it is and what to do. */
function ComposeStatus(props: {
  id: string;
  over: number;
  left: number | null;
  draftTooLong: boolean;
}) {
  const { t } = useTranslation('composer');
  const { over, left } = props;
  if (over === 0 && left === null) return null;
  return (
    <p id={props.id} className={`compose-status${over > 0 ? ' over' : ''}`}>
      {over > 0 ? (
        <>
          <strong>{t('charsOver', { count: over, number: formatNumber(over) })}</strong>
          {sentenceGap()}
          {t('tooLong')}
          {props.draftTooLong ? sentenceGap() + t('draftTooLong') : null}
        </>
      ) : (
        t('charsLeft', { count: left ?? 0, number: formatNumber(left ?? 0) })
      )}
    </p>
  );
}
