import {
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Virtuoso, type ListRange, type VirtuosoHandle } from 'react-virtuoso';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { PresenceItem } from '../../../shared/repo/handle.ts';
import type { InitialWindow } from './paging.ts';
import type { Notice } from '../../../shared/repo/notices.ts';
import type { MemberItem, MessageItem } from '../../../shared/repo/views.ts';
import { timelineRows, type ListRow } from '../groups/timeline.ts';
import { useReasonWords } from '../i18n/reason.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { MessageActionsContext } from './actions.ts';
import { useNow } from './clock.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import type { JumpTarget } from './intent.ts';
import {
  EmptyConversation,
  ListPeek,
  listComponents,
  rowContent,
  type ListContext,
} from './list-parts.tsx';
import { ListOverlay } from './ListOverlay.tsx';
import type { MentionName } from './mentions.ts';
import { EmojiPopover } from './EmojiPopover.tsx';
import { useJump } from './useJump.ts';
import { useMarkRead } from './useMarkRead.ts';
import { problemWords, type ListProblem } from './list-problem.ts';
import { useRowActions } from './useRowActions.ts';
import { useTimeline } from './useTimeline.ts';
import './conversation.css';

export type MessageListProps = {
  group: GroupSummary;
  members: MemberItem[];
  notices: readonly Notice[];
  presence: PresenceItem;
  /** A message to scroll to and highlight, or null. */
  jumpTo: JumpTarget | null;
  onReply: (message: MessageItem) => void;
  onEdit: (message: MessageItem) => void;
  /** The recent window to show while the engine starts (the last open group only). */
  initial?: InitialWindow | null;
};

/**
 * The conversation's messages and membership notices, oldest first, newest at the bottom:
 * a virtualized list over pages the worker hands out around where the person looks.
 */
export function MessageList(props: MessageListProps) {
  // Everything (pages, scroll place, divider) starts over for another group.
  return <ConversationView key={props.group.id} {...props} />;
}

// Virtuoso wants positive item indexes that go down as rows are prepended: rows are
// counted from here, less those above the run's focus message.
const ORIGIN = 100_000_000;
const NO_READERS: readonly string[] = [];
/** Rows the peek draws: more than the window holds (a message row is at least ~29 px). */
const peekRows = () => Math.ceil(window.innerHeight / 28) + 2;
/** How long the peek waits for the list to show its rows before it goes anyway. */
const PEEK_MAX_MS = 3000;

function ConversationView(props: MessageListProps) {
  const { group, members, notices, presence } = props;
  const { t } = useTranslation('conversation');
  const reasonWords = useReasonWords();
  const store = useSyncStore();
  const { snapshot, timeline } = useTimeline(group.id, group.unread > 0, props.initial ?? null);
  const now = useNow();
  const virtuoso = useRef<VirtuosoHandle>(null);
  const container = useRef<HTMLDivElement>(null);

  const [atBottom, setAtBottom] = useState(false);
  // How many messages the person had seen when last at the bottom (null: what was read).
  const [seenTotal, setSeenTotal] = useState<number | null>(null);
  const [range, setRange] = useState<ListRange | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  // What went wrong, worded when drawn (it follows a language change).
  const [error, setError] = useState<ListProblem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [picking, setPicking] = useState<{ item: MessageItem; anchor: DOMRect } | null>(null);
  const [deleting, setDeleting] = useState<MessageItem | null>(null);
  // The row that gets the focus back once the delete dialog is gone (see its effect below).
  const refocus = useRef<string | null>(null);
  const pickerTrigger = useRef<HTMLElement | null>(null);
  // The list generation whose rows Virtuoso shows (see `ListPeek`); until then the newest rows
  // are drawn over it.
  const [placed, setPlaced] = useState<number | null>(null);
  // The list generation whose Virtuoso is mounted: under a peek, one task after it, so that the
  // peek is painted first and the list's own first render (a long task) comes apart from it.
  const [mounted, setMounted] = useState<number | null>(null);

  const { items, start, total } = snapshot;
  const liveEnd = start + items.length >= total;
  const rows = useMemo(
    () => timelineRows(items, notices, { fromStart: start === 0, unreadFrom: snapshot.unreadFrom }),
    [items, notices, start, snapshot.unreadFrom],
  );
  const focusId = snapshot.focus?.id ?? null;
  const originIndex = Math.max(
    0,
    rows.findIndex((row) => row.key === focusId),
  );
  const firstItemIndex = ORIGIN - originIndex;

  const names = useMemo<MentionName[]>(
    () => members.map((m) => ({ name: m.name, me: m.me })),
    [members],
  );
  const readers = useMemo(() => {
    const byMessage = new Map<string, string[]>();
    for (const read of presence.readUpTo)
      byMessage.set(read.messageId, [...(byMessage.get(read.messageId) ?? []), read.name]);
    return byMessage;
  }, [presence.readUpTo]);

  const rowElement = useCallback(
    (key: string) =>
      container.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(key)}"]`) ??
      null,
    [],
  );

  // Virtuoso shows its rows (the item list loses `visibility: hidden`) once it has placed them.
  const generation = snapshot.generation;
  const peeking = placed !== generation && items.length > 0;
  useEffect(() => {
    if (!peeking) return;
    const timer = setTimeout(() => {
      startTransition(() => {
        setMounted(generation);
      });
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [peeking, generation]);
  useEffect(() => {
    if (!peeking) return;
    const started = performance.now();
    let frame = requestAnimationFrame(function look() {
      const list = container.current?.querySelector<HTMLElement>('.message-scroller ol');
      const shown = list !== null && list !== undefined && list.style.visibility !== 'hidden';
      if (shown || performance.now() - started > PEEK_MAX_MS) setPlaced(generation);
      else frame = requestAnimationFrame(look);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [peeking, generation]);

  // After the delete dialog has been removed, not a frame after asking for it: while the modal
  // dialog is open the list is inert and takes no focus, and on a busy machine that frame
  // could come before React had removed it (seen in CI).
  useEffect(() => {
    const id = refocus.current;
    if (deleting !== null || id === null) return;
    refocus.current = null;
    rowElement(id)?.focus({ preventScroll: true });
  }, [deleting, rowElement]);

  useMarkRead(group.id, { atBottom, liveEnd, lastId: items.at(-1)?.id ?? null });
  const { flashId, jump } = useJump({
    timeline,
    rows,
    virtuoso,
    rowElement,
    jumpTo: props.jumpTo,
    onLanded: setActiveKey,
    onMissing: useCallback(() => {
      setError({ kind: 'not-found' });
    }, []),
  });
  const actions = useRowActions({
    groupId: group.id,
    onReply: props.onReply,
    onEdit: props.onEdit,
    askDelete: setDeleting,
    pick: useCallback((item: MessageItem, trigger: HTMLElement) => {
      pickerTrigger.current = trigger;
      setPicking({ item, anchor: trigger.getBoundingClientRect() });
    }, []),
    jump,
    showError: setError,
    showStatus: setStatus,
  });
  const closePicker = useCallback(() => {
    setPicking(null);
    const trigger = pickerTrigger.current;
    if (trigger?.isConnected) trigger.focus();
  }, []);

  // Keyboard: one message row in the tab order; arrows, Home and End move between rows.
  function focusRow(key: string) {
    const index = rows.findIndex((row) => row.key === key);
    if (index < 0) return;
    setActiveKey(key);
    virtuoso.current?.scrollIntoView({
      index,
      done: () => {
        requestAnimationFrame(() => rowElement(key)?.focus({ preventScroll: true }));
      },
    });
  }
  function onRowKey(event: KeyboardEvent<HTMLElement>, key: string) {
    if (event.target !== event.currentTarget) return;
    const messages = rows.filter((row) => row.kind === 'message');
    const at = messages.findIndex((row) => row.key === key);
    const next = {
      ArrowUp: messages[at - 1],
      ArrowDown: messages[at + 1],
      Home: messages[0],
      End: messages.at(-1),
    }[event.key];
    if (!next) return;
    event.preventDefault();
    focusRow(next.key);
  }
  // The row Tab reaches: the last one focused if it is on screen, else the last shown.
  const shown = range
    ? rows
        .slice(range.startIndex - firstItemIndex, range.endIndex - firstItemIndex + 1)
        .filter((row) => row.kind === 'message')
    : [];
  const tabKey =
    activeKey && shown.some((row) => row.key === activeKey)
      ? activeKey
      : (shown.at(-1)?.key ?? null);

  async function toLatest() {
    if (liveEnd) virtuoso.current?.scrollToIndex({ index: 'LAST', align: 'end' });
    else await timeline.latest();
    const last = timeline.getSnapshot().items.at(-1);
    if (last) requestAnimationFrame(() => rowElement(last.id)?.focus({ preventScroll: true }));
  }

  // The message whose picker or delete dialog is open.
  const actingId = picking?.item.id ?? deleting?.id ?? null;
  const context: ListContext = {
    tabKey,
    flashId,
    pickingId: actingId,
    toolbarKeys: [hoverKey, activeKey, actingId],
    loadingOlder: start > 0,
    now,
    labels: { list: t('listLabel'), history: t('historyLabel'), loadingOlder: t('loadingOlder') },
    names,
    canAct: members.some((m) => m.me),
    lastMineId: items.findLast((item) => item.mine && !item.deleted)?.id ?? null,
    readers: (id) => readers.get(id) ?? NO_READERS,
    onRowKey,
    onRowFocus: setActiveKey,
    onRowHover: setHoverKey,
  };

  let body;
  if (snapshot.status === 'loading') {
    body = (
      <p className="message-list-state" role="status">
        {t('loading')}
      </p>
    );
  } else if (items.length === 0 && snapshot.error) {
    // Nothing could be loaded: say so, not "no messages yet".
    body = (
      <p className="message-list-state" role="alert">
        {t('loadFailed', { reason: reasonWords(snapshot.error) })}
      </p>
    );
  } else if (items.length === 0) {
    body = <EmptyConversation rows={rows} />;
  } else {
    const unreadIndex = rows.findIndex((row) => row.kind === 'unread');
    const initial =
      snapshot.focus?.align === 'start' && unreadIndex >= 0
        ? { index: Math.max(0, unreadIndex - 1), align: 'start' as const }
        : snapshot.focus?.align === 'center'
          ? { index: originIndex, align: 'center' as const }
          : { index: rows.length - 1, align: 'end' as const };
    const peek =
      initial.align === 'end' && placed !== generation ? (
        <ListPeek rows={rows.slice(-peekRows())} context={context} />
      ) : null;
    const list = !peek || mounted === generation;
    body = (
      <>
        {list ? (
          <Virtuoso<ListRow, ListContext>
            key={snapshot.generation}
            ref={virtuoso}
            className="message-scroller"
            data={rows}
            context={context}
            firstItemIndex={firstItemIndex}
            initialTopMostItemIndex={initial}
            computeItemKey={(_, row) => row.key}
            itemContent={rowContent}
            components={listComponents}
            alignToBottom
            atBottomThreshold={48}
            increaseViewportBy={{ top: 600, bottom: 200 }}
            // At the bottom, follow what comes; scrolled up, only my own message brings me down.
            followOutput={(bottom) =>
              bottom || snapshot.arrived.some((item) => item.mine) ? 'auto' : false
            }
            atBottomStateChange={(bottom) => {
              // Leaving the bottom: everything so far was seen; what comes now is counted.
              if (!bottom && atBottom && liveEnd) setSeenTotal(total);
              setAtBottom(bottom);
            }}
            startReached={() => {
              void timeline.older();
            }}
            endReached={() => {
              void timeline.newer();
            }}
            rangeChanged={setRange}
          />
        ) : (
          <div className="message-scroller" />
        )}
        {peek}
      </>
    );
  }

  return (
    <MessageActionsContext value={actions}>
      <div className="message-list-pane" ref={container}>
        {body}
        <ListOverlay
          showJump={!atBottom && items.length > 0}
          newCount={atBottom ? 0 : Math.max(0, total - (seenTotal ?? snapshot.readCount ?? total))}
          onJump={() => {
            void toLatest();
          }}
          // A failed load over messages already shown goes here; over none, in the middle.
          error={
            error
              ? problemWords(t, reasonWords, error)
              : snapshot.error && items.length > 0
                ? t('loadFailed', { reason: reasonWords(snapshot.error) })
                : null
          }
          onDismiss={() => {
            setError(null);
          }}
          announce={snapshot.heard
            .slice(-3)
            .map((item) => t('announce', { name: item.author.name, text: item.text }))
            .join('\n')}
          status={status}
        />
      </div>
      {picking ? (
        <EmojiPopover
          anchor={picking.anchor}
          label={t('pickerLabel')}
          onClose={closePicker}
          onPick={(emoji) => {
            const mine = picking.item.reactions.some((r) => r.emoji === emoji && r.mine);
            if (!mine) actions.react(picking.item, emoji, true);
            closePicker();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          onCancel={() => {
            setDeleting(null);
          }}
          onDelete={async () => {
            const client = store.client();
            if (!client) throw new Error('The sync engine is not running.');
            await client.remove(group.id, deleting.id);
            refocus.current = deleting.id;
            setDeleting(null);
          }}
        />
      ) : null}
    </MessageActionsContext>
  );
}
