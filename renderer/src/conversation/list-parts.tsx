import type { KeyboardEvent, Ref } from 'react';
import type { Components, ItemContent } from 'react-virtuoso';
import { useTranslation } from 'react-i18next';
import type { ListRow } from '../groups/timeline.ts';
import { formatDay } from '../i18n/format.ts';
import type { MentionName } from './mentions.ts';
import { MessageRow } from './MessageRow.tsx';
import { noticeText } from './notice-text.ts';
import type { Notice } from '../../../shared/repo/notices.ts';

/** What the list's parts read from the list (Virtuoso's `context`). */
export type ListContext = {
  /** The message row in the tab order (one at a time; arrows move between rows). */
  tabKey: string | null;
  /** The message just jumped to, shown highlighted for a moment. */
  flashId: string | null;
  /** The message whose picker or delete dialog is open: its toolbar stays shown. */
  pickingId: string | null;
  /**
   * The messages that have their actions toolbar (under the pointer, focused, or acting on):
   * the others have none in the DOM, as a toolbar in every row doubled what rendering one cost.
   */
  toolbarKeys: readonly (string | null)[];
  loadingOlder: boolean;
  /** The time now (to the minute), for "Today" and "Yesterday". */
  now: number;
  labels: { list: string; history: string; loadingOlder: string };
  names: readonly MentionName[];
  canAct: boolean;
  /** My latest message: the only one that says "Held by everyone" (the rest go quiet). */
  lastMineId: string | null;
  readers: (messageId: string) => readonly string[];
  onRowKey: (event: KeyboardEvent<HTMLElement>, key: string) => void;
  onRowFocus: (key: string) => void;
  /** The pointer entered a message row (its key), or left it (null). */
  onRowHover: (key: string | null) => void;
};

function messageClass(row: Extract<ListRow, { kind: 'message' }>, context: ListContext) {
  const classes = ['message'];
  if (row.continued) classes.push('continued');
  if (row.item.mine) classes.push('mine');
  if (row.item.mentionsMe) classes.push('mentions-me');
  if (row.item.deleted) classes.push('deleted');
  if (context.flashId === row.key) classes.push('flash');
  if (context.pickingId === row.key) classes.push('acting');
  return classes.join(' ');
}

// Virtuoso renders these; they must stay the same functions across renders (module level).
export const listComponents: Components<ListRow, ListContext> = {
  // The scroller is a labelled region; the rows, not the region, take keyboard focus.
  Scroller: ({ context, ref, ...rest }) => (
    <div {...rest} ref={ref} tabIndex={-1} role="region" aria-label={context.labels.history} />
  ),
  List: ({ context, ref, ...rest }) => (
    <ol
      {...rest}
      ref={ref as Ref<HTMLOListElement>}
      className="message-list"
      aria-label={context.labels.list}
    />
  ),
  Item: ({ item: row, context, children, ...rest }) => {
    // Virtuoso may render a row that is not there any more while data changes under it.
    if (!(row as ListRow | undefined)) return <li {...rest}>{children}</li>;
    if (row.kind !== 'message') {
      return (
        <li {...rest} className={`row-${row.kind}`}>
          {children}
        </li>
      );
    }
    return (
      <li
        {...rest}
        className={messageClass(row, context)}
        data-message-id={row.key}
        tabIndex={context.tabKey === row.key ? 0 : -1}
        onKeyDown={(event) => {
          context.onRowKey(event, row.key);
        }}
        onFocus={() => {
          context.onRowFocus(row.key);
        }}
        onMouseEnter={() => {
          context.onRowHover(row.key);
        }}
        onMouseLeave={() => {
          context.onRowHover(null);
        }}
      >
        {children}
      </li>
    );
  },
  Header: ({ context }) => (
    <div className="message-list-header" aria-hidden={!context.loadingOlder}>
      {context.loadingOlder ? context.labels.loadingOlder : null}
    </div>
  ),
};

function DaySeparator(props: { day: number; now: number }) {
  // Re-renders when the language changes (formatDay reads it).
  useTranslation('conversation');
  return (
    <p className="day-separator">
      <span>{formatDay(props.day, props.now)}</span>
    </p>
  );
}

/** A change to who is in the group, in the reader's language. */
function NoticeRow(props: { notice: Notice }) {
  const { t } = useTranslation('conversation');
  const { notice } = props;
  return (
    <p className={notice.safety ? 'notice-row safety' : 'notice-row'}>
      {noticeText(t, notice.words)}
    </p>
  );
}

function UnreadDivider() {
  const { t } = useTranslation('conversation');
  return (
    <p className="unread-divider">
      <span>{t('unreadDivider')}</span>
    </p>
  );
}

/** What goes in each row's `<li>`. */
export const rowContent: ItemContent<ListRow, ListContext> = (_, row, context) => {
  switch (row.kind) {
    case 'day':
      return <DaySeparator day={row.day} now={context.now} />;
    case 'unread':
      return <UnreadDivider />;
    case 'notice':
      return <NoticeRow notice={row.notice} />;
    case 'message':
      return (
        <MessageRow
          item={row.item}
          continued={row.continued}
          readers={context.readers(row.key)}
          names={context.names}
          canAct={context.canAct}
          latestOfMine={context.lastMineId === row.key}
          toolbar={context.toolbarKeys.includes(row.key)}
        />
      );
  }
};

/**
 * The newest rows, drawn at once at the bottom of the list's place while the list places itself:
 * Virtuoso keeps its rows hidden for a few frames when it opens at an item (docs/benchmarks.md,
 * UI), and a conversation should open showing its latest messages. Only a picture: inert and
 * hidden from screen readers, gone as soon as the list shows its own rows.
 */
export function ListPeek(props: { rows: readonly ListRow[]; context: ListContext }) {
  const { context } = props;
  return (
    <div className="message-list-peek" aria-hidden="true" inert>
      <ol className="message-list">
        {props.rows.map((row) => (
          <li
            key={row.key}
            className={row.kind === 'message' ? messageClass(row, context) : `row-${row.kind}`}
          >
            {rowContent(0, row, context)}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** A conversation with no messages yet: its notices, and a quiet invitation to write. */
export function EmptyConversation(props: { rows: readonly ListRow[] }) {
  const { t } = useTranslation('conversation');
  return (
    <ol className="message-list message-list-static" aria-label={t('listLabel')}>
      {props.rows.map((row) =>
        row.kind === 'notice' ? (
          <li key={row.key} className="row-notice">
            <NoticeRow notice={row.notice} />
          </li>
        ) : null,
      )}
      <li className="message-list-empty">{t('empty')}</li>
    </ol>
  );
}
