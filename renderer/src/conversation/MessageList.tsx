import { useEffect } from 'react';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { PresenceItem } from '../../../shared/repo/handle.ts';
import type { Notice } from '../../../shared/repo/notices.ts';
import type { MemberItem, MessageItem } from '../../../shared/repo/views.ts';
import { Avatar } from '../app/Avatar.tsx';
import { interleave } from '../groups/timeline.ts';
import { formatTime } from '../i18n/format.ts';
import { useConversation, useSyncStore } from '../sync/hooks.tsx';
import type { JumpTarget } from './intent.ts';

export type MessageListProps = {
  group: GroupSummary;
  members: MemberItem[];
  notices: Notice[];
  presence: PresenceItem;
  /** A message to scroll to and highlight, or null. */
  jumpTo: JumpTarget | null;
  onReply: (message: MessageItem) => void;
  onEdit: (message: MessageItem) => void;
};

/** The conversation's messages and membership notices, oldest first, newest at the bottom. */
export function MessageList(props: MessageListProps) {
  const { group, notices, presence } = props;
  const store = useSyncStore();
  const { page } = useConversation(group.id);
  const items = page?.items ?? [];
  const lastId = items.at(-1)?.id;
  useEffect(() => {
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
  const readers = new Map<string, string[]>();
  for (const read of presence.readUpTo)
    readers.set(read.messageId, [...(readers.get(read.messageId) ?? []), read.name]);
  return (
    <ol className="messages" aria-label="Messages">
      {items.length === 0 ? <li className="messages-empty">No messages yet. Say hello.</li> : null}
      {interleave(items, notices, (page?.start ?? 0) === 0).map((row) =>
        row.kind === 'notice' ? (
          <li
            key={`notice-${row.notice.id}-${row.notice.text}`}
            className={`notice-row${row.notice.safety ? ' safety' : ''}`}
          >
            {row.notice.text}
          </li>
        ) : (
          <MessageRow key={row.item.id} item={row.item} readers={readers.get(row.item.id) ?? []} />
        ),
      )}
    </ol>
  );
}

/** "Held by 2 of 3": how many people hold one of my messages, from their signed heads. */
function deliveryText(delivery: NonNullable<MessageItem['delivery']>): string | null {
  if (delivery.of <= 1) return null;
  if (delivery.held <= 1) return 'Not yet delivered';
  if (delivery.held >= delivery.of) return 'Held by everyone';
  return `Held by ${delivery.held} of ${delivery.of}`;
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
          <time dateTime={new Date(item.time).toISOString()}>{formatTime(item.time)}</time>
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
