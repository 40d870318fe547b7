import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_TEXT_LENGTH } from '../../../shared/content/schema.ts';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { Avatar } from '../app/Avatar.tsx';
import { useConversation, useSyncStore } from '../sync/hooks.tsx';
import { InvitePanel } from './InvitePanel.tsx';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** One group's conversation: the latest messages and a composer. */
export function Conversation(props: { group: GroupSummary }) {
  const { group } = props;
  const store = useSyncStore();
  const { page, members } = useConversation(group.id);
  const [draft, setDraft] = useState('');
  const [inviting, setInviting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const items = page?.items ?? [];
  const lastId = items.at(-1)?.id;

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
    const client = store.client();
    if (client && lastId) {
      client
        .markRead(group.id, lastId)
        .then(() => store.refresh())
        .catch((caught: unknown) => {
          console.error('Marking as read failed', caught);
        });
    }
  }, [store, group.id, lastId]);

  async function send() {
    const client = store.client();
    const text = draft.trim();
    if (!client || text === '') return;
    setError(null);
    try {
      await client.send(group.id, text);
      setDraft('');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <section className="conversation" aria-label={group.name}>
      <header className="conversation-header">
        <h1>{group.name}</h1>
        <span className="meta">
          {members.length} {members.length === 1 ? 'member' : 'members'}
        </span>
        <button
          type="button"
          className="small header-action"
          onClick={() => {
            setInviting(true);
          }}
        >
          Invite
        </button>
      </header>
      {inviting ? (
        <InvitePanel
          groupId={group.id}
          onClose={() => {
            setInviting(false);
          }}
        />
      ) : null}
      <ol className="messages" aria-label="Messages">
        {items.length === 0 ? (
          <li className="messages-empty">No messages yet. Say hello.</li>
        ) : null}
        {items.map((item) => (
          <li key={item.id} className={`message${item.mine ? ' mine' : ''}`}>
            <Avatar name={item.author.name} size={32} />
            <div className="message-body">
              <div className="message-meta">
                <span className="message-author">{item.author.name}</span>
                <time dateTime={new Date(item.time).toISOString()}>
                  {timeFormat.format(item.time)}
                </time>
              </div>
              <p className="message-text">{item.deleted ? <em>Message deleted</em> : item.text}</p>
            </div>
          </li>
        ))}
        <div ref={endRef} />
      </ol>
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
          value={draft}
          maxLength={MAX_TEXT_LENGTH}
          rows={1}
          onChange={(e) => {
            setDraft(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="primary" disabled={draft.trim() === ''}>
          Send
        </button>
      </form>
      {error ? (
        <p className="field-error composer-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
