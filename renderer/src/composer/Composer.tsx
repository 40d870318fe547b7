import { useRef, useState, type KeyboardEvent } from 'react';
import { MAX_TEXT_LENGTH } from '../../../shared/content/schema.ts';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { MemberItem } from '../../../shared/repo/views.ts';
import { FieldError } from '../app/FieldError.tsx';
import type { ComposeIntent } from '../conversation/intent.ts';
import { useSyncStore } from '../sync/hooks.tsx';

/** Re-tell the room we are typing at most this often while keys keep coming. */
const TYPING_REFRESH_MS = 3_000;

export type ComposerProps = {
  group: GroupSummary;
  members: MemberItem[];
  /** Replying to or editing a message, as the message list asked; null for a new message. */
  intent: ComposeIntent | null;
  /** The reply was sent, the edit saved, or either cancelled. */
  onIntentDone: () => void;
};

/** Where a message is written: Enter sends, Shift+Enter starts a new line. */
export function Composer(props: ComposerProps) {
  const { group } = props;
  const store = useSyncStore();
  const [draft, setDraft] = useState('');
  const typedAt = useRef(0);
  const [error, setError] = useState<string | null>(null);
  async function send() {
    const client = store.client();
    const text = draft.trim();
    if (!client || text === '') return;
    setError(null);
    try {
      await client.send(group.id, text);
      setDraft('');
      typedAt.current = 0;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  function onDraft(next: string) {
    setDraft(next);
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

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <>
      <form
        className="composer"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <textarea
          aria-label={`Message ${group.name}`}
          placeholder={`Message ${group.name}`}
          // Else the browser saves the draft with its session, in the clear (e2e/at-rest).
          autoComplete="off"
          value={draft}
          maxLength={MAX_TEXT_LENGTH}
          rows={1}
          onChange={(e) => {
            onDraft(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="primary" disabled={draft.trim() === ''}>
          Send
        </button>
      </form>
      <FieldError message={error} className="composer-error" />
    </>
  );
}
