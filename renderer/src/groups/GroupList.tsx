import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { Avatar } from '../app/Avatar.tsx';
import { useNotifyLevel } from '../attention/levels.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { SyncState } from '../sync/store.ts';
import { plainPreview, shortWhen } from './preview.ts';
import './group-list.css';

/**
 * The groups in the sidebar, in a stable order (no jumping while you read): each with its
 * last message, when it was written, unread count, a mention marker and whether it is muted.
 * Up/Down (and Home/End) move between groups; Enter opens one.
 */
export function GroupList(props: {
  groups: GroupSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** While the engine starts, the list shows placeholders rather than "No groups yet". */
  status?: SyncState['status'];
  /** The empty list's own way to the sidebar's New group and Join actions. */
  onCreate?: () => void;
  onJoin?: () => void;
}) {
  const { groups, selected, onSelect, status } = props;
  const { t } = useTranslation('sidebar');
  const now = useNow();
  if (status === 'starting' && groups.length === 0) {
    return (
      <div className="group-list-loading" aria-busy="true">
        <span className="sr-only">{t('loading')}</span>
        {[0, 1, 2].map((row) => (
          <span key={row} className="group-row-skeleton" aria-hidden="true">
            <span className="skeleton-avatar" />
            <span className="skeleton-lines">
              <span />
              <span />
            </span>
          </span>
        ))}
      </div>
    );
  }
  if (groups.length === 0) {
    return (
      <div className="group-empty">
        <p className="group-empty-title">{t('emptyTitle')}</p>
        <p className="group-empty-body">{t('emptyBody')}</p>
        {props.onCreate || props.onJoin ? (
          <div className="group-empty-actions">
            {props.onCreate ? (
              <button type="button" className="small primary" onClick={props.onCreate}>
                {t('startGroup')}
              </button>
            ) : null}
            {props.onJoin ? (
              <button type="button" className="small" onClick={props.onJoin}>
                {t('pasteInvite')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    );
  }
  return (
    <ul className="groups" role="list" onKeyDown={moveFocus}>
      {groups.map((group) => (
        <li key={group.id}>
          <GroupRow
            group={group}
            selected={group.id === selected}
            now={now}
            onSelect={() => {
              onSelect(group.id);
            }}
          />
        </li>
      ))}
    </ul>
  );
}

function GroupRow(props: {
  group: GroupSummary;
  selected: boolean;
  now: number;
  onSelect: () => void;
}) {
  const { group } = props;
  const { t } = useTranslation('sidebar');
  const { t: common } = useTranslation('common');
  const level = useNotifyLevel(group.id);
  const { last } = group;
  const muted = level === 'off';
  return (
    <button
      type="button"
      className={`group-row${muted ? ' muted' : ''}${group.unread > 0 ? ' has-unread' : ''}`}
      aria-current={props.selected ? 'page' : undefined}
      onClick={props.onSelect}
    >
      <Avatar name={group.name} size={40} />
      <span className="group-row-main">
        <span className="group-row-line">
          <span className="group-row-name">{group.name}</span>
          {level === 'off' ? (
            <BellIcon off label={t('muted')} />
          ) : level === 'mentions' ? (
            <BellIcon off={false} label={t('mentionsOnly')} />
          ) : null}
          {last ? (
            <time
              className="group-row-time"
              dateTime={new Date(last.time).toISOString()}
              title={formatDateTime(last.time)}
            >
              {shortWhen(last.time, props.now)}
            </time>
          ) : null}
        </span>
        <span className="group-row-line">
          <span className={`group-row-preview${last?.deleted ? ' deleted' : ''}`}>
            {last
              ? t('preview', {
                  author: last.mine ? common('you') : last.author.name,
                  text: last.deleted ? t('deleted') : plainPreview(last.text),
                })
              : t('noMessages')}
          </span>
          {group.mentions > 0 ? (
            <span className="group-row-mention" role="img" aria-label={t('mentioned')}>
              @
            </span>
          ) : null}
          {group.unread > 0 ? (
            <span
              className="group-row-unread"
              role="img"
              aria-label={t('unread', { count: group.unread })}
            >
              {group.unread > 999 ? '999+' : group.unread}
            </span>
          ) : null}
        </span>
      </span>
    </button>
  );
}

/** The time, moved on each minute, so "9:40" becomes "Mon" once the day has turned. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 60_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
}

/** A bell: struck through for a muted group, plain for one that only notifies mentions. */
function BellIcon(props: { off: boolean; label: string }) {
  return (
    <svg
      className={`group-row-bell${props.off ? ' off' : ''}`}
      width="14"
      height="14"
      viewBox="0 0 16 16"
      role="img"
      aria-label={props.label}
    >
      <title>{props.label}</title>
      <path
        d="M8 2.2a4 4 0 0 0-4 4v2.6L2.8 11h10.4L12 8.8V6.2a4 4 0 0 0-4-4ZM6.5 12.6a1.5 1.5 0 0 0 3 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      {props.off ? (
        <path d="M2.5 2.5l11 11" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
      ) : null}
    </svg>
  );
}

/** Up/Down/Home/End between the group buttons of the list. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.group-row')];
  const at = buttons.findIndex((button) => button === document.activeElement);
  if (at < 0) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  buttons[next]?.focus();
}
