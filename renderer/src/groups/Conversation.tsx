import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_TEXT_LENGTH } from '../../../shared/content/schema.ts';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { Avatar } from '../app/Avatar.tsx';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { useConversation, usePresence, useRoomStatus, useSyncStore } from '../sync/hooks.tsx';
import { GroupInfo } from './GroupInfo.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { StandingBanner } from './StandingBanner.tsx';
import { interleave } from './timeline.ts';
import { InvitePanel } from './InvitePanel.tsx';
import { OfflineBanner, PresenceLine } from './RoomStatusBar.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { FieldError } from '../app/FieldError.tsx';

/** Re-tell the room we are typing at most this often while keys keep coming. */
const TYPING_REFRESH_MS = 3_000;

/** "Held by 2 of 3": how many people hold one of my messages, from their signed heads. */
function deliveryText(delivery: NonNullable<MessageItem['delivery']>): string | null {
  if (delivery.of <= 1) return null;
  if (delivery.held <= 1) return 'Not yet delivered';
  if (delivery.held >= delivery.of) return 'Held by everyone';
  return `Held by ${delivery.held} of ${delivery.of}`;
}

function typingText(names: string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return 'Several people are typing…';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** One group's conversation: the latest messages and a composer. */
export function Conversation(props: { group: GroupSummary }) {
  const { group } = props;
  const store = useSyncStore();
  const { page, members, standing, requests, notices } = useConversation(group.id);
  const [membersOpen, setMembersOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [inviting, setInviting] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const presence = usePresence(group.id);
  const status = useRoomStatus(group.id, group.epoch);
  const typedAt = useRef(0);
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

  const readers = new Map<string, string[]>();
  for (const read of presence.readUpTo)
    readers.set(read.messageId, [...(readers.get(read.messageId) ?? []), read.name]);
  const typingLine = typingText(presence.typing.map((p) => p.name));

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
        <button
          type="button"
          className="link-button meta"
          aria-expanded={membersOpen}
          onClick={() => {
            setMembersOpen(!membersOpen);
          }}
        >
          {members.length} {members.length === 1 ? 'member' : 'members'}
        </button>
        {requests.length > 0 ? (
          <button
            type="button"
            className="badge badge-button"
            onClick={() => {
              setMembersOpen(true);
            }}
          >
            {requests.length} asking to join
          </button>
        ) : null}
        {standing.state === 'member' ? <PresenceLine presence={presence} status={status} /> : null}

        {standing.state === 'member' ? (
          <button
            type="button"
            className="small header-action"
            onClick={() => {
              setInviting(true);
            }}
          >
            Invite
          </button>
        ) : (
          <span className="header-action" />
        )}
        <button
          type="button"
          className="small"
          aria-expanded={syncOpen}
          onClick={() => {
            setSyncOpen(!syncOpen);
          }}
        >
          Sync
        </button>
        <GroupInfo signaling={group.signaling} historyPolicy={group.historyPolicy} />
      </header>
      {standing.state === 'member' ? (
        <OfflineBanner groupId={group.id} epoch={group.epoch} />
      ) : null}
      {membersOpen ? (
        <MembersPanel
          groupId={group.id}
          groupName={group.name}
          members={members}
          standing={standing}
          requests={requests}
          onClose={() => {
            setMembersOpen(false);
          }}
        />
      ) : null}
      {syncOpen ? (
        <SyncPanel
          groupId={group.id}
          status={status}
          onClose={() => {
            setSyncOpen(false);
          }}
        />
      ) : null}
      {inviting ? (
        <InvitePanel
          groupId={group.id}
          historyPolicy={group.historyPolicy}
          onClose={() => {
            setInviting(false);
          }}
        />
      ) : null}
      <ol className="messages" aria-label="Messages">
        {items.length === 0 ? (
          <li className="messages-empty">No messages yet. Say hello.</li>
        ) : null}
        {interleave(items, notices, (page?.start ?? 0) === 0).map((row) =>
          row.kind === 'notice' ? (
            <li
              key={`notice-${row.notice.id}-${row.notice.text}`}
              className={`notice-row${row.notice.safety ? ' safety' : ''}`}
            >
              {row.notice.text}
            </li>
          ) : (
            <MessageRow
              key={row.item.id}
              item={row.item}
              readers={readers.get(row.item.id) ?? []}
            />
          ),
        )}
        <div ref={endRef} />
      </ol>
      <p className="typing" aria-live="polite">
        {typingLine}
      </p>
      {standing.state !== 'member' ? (
        <StandingBanner groupId={group.id} groupName={group.name} standing={standing} />
      ) : (
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
      )}
      <FieldError message={error} className="composer-error" />
    </section>
  );
}

/** One message: its author, time, text, and what its footer says. */
function MessageRow(props: { item: MessageItem; readers: string[] }) {
  const { item } = props;
  return (
    <li className={`message${item.mine ? ' mine' : ''}`}>
      <Avatar name={item.author.name} size={32} />
      <div className="message-body">
        <div className="message-meta">
          <span className="message-author">{item.author.name}</span>
          <time dateTime={new Date(item.time).toISOString()}>{timeFormat.format(item.time)}</time>
        </div>
        <p className="message-text">{item.deleted ? <em>Message deleted</em> : item.text}</p>
        <MessageFooter item={item} readers={props.readers} />
      </div>
    </li>
  );
}

/** Under a message: its delivery state if it is mine, and who has read up to it. */
function MessageFooter(props: { item: MessageItem; readers: string[] }) {
  const { item, readers } = props;
  const delivery = item.delivery ? deliveryText(item.delivery) : null;
  if (!delivery && readers.length === 0) return null;
  return (
    <p className="message-footer">
      {delivery ? (
        <span
          className={`delivery${item.delivery && item.delivery.held <= 1 ? ' pending' : ''}`}
          title="Counted from what each member's laptop says it holds"
        >
          {delivery}
        </span>
      ) : null}
      {readers.length > 0 ? <span className="seen">Seen by {readers.join(', ')}</span> : null}
    </p>
  );
}
