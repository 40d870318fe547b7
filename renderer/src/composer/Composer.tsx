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
import { EMPTY_COMPOSE, composeReducer, draftOf } from './compose-state.ts';
import { IntentBanner } from './IntentBanner.tsx';
import { textLength } from './limit.ts';
import { MentionList, optionId } from './MentionList.tsx';
import { matchMembers, mentionQuery, mentionedPeople } from './mentions.ts';
import { useDraft } from './useDraft.ts';
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
 * message, Esc cancels a reply or an edit, `@` offers members to mention.
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
  const listId = `${ids}-mentions`;
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

  const query = focused ? mentionQuery(text, state.caret) : null;
  const matches =
    query && query.start !== state.dismissedAt ? matchMembers(members, query.query) : [];
  const open = query !== null && matches.length > 0;
  const activeIndex =
    open && active.at === query.start ? Math.min(active.index, matches.length - 1) : 0;

  function onInput(next: string, caret: number) {
    dispatch({ type: 'input', text: next, caret });
    setProblem(null);
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

  function pick(member: MemberItem) {
    if (query) dispatch({ type: 'pick', query, person: member.person, name: member.name });
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
      const last = matches.length - 1;
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
        setActive({ at: query.start, index });
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && plain) {
        event.preventDefault();
        const member = matches[activeIndex];
        if (member) pick(member);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        dispatch({ type: 'dismiss', start: query.start });
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
          <MentionList
            id={listId}
            members={matches}
            active={activeIndex}
            onPick={pick}
            onActive={(index) => {
              setActive({ at: query.start, index });
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
        {open ? t('mentionHelp', { count: matches.length }) : ''}
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
