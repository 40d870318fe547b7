import { lazyNamed } from '../app/lazy.ts';
import { useEffect, useRef, useState, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { SyncState } from '../sync/store.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { neighbourGroup, neighbourUnread } from '../app/group-keys.ts';
import { lastGroup, rememberGroup } from '../app/last-group.ts';
import type { JumpTarget } from '../conversation/intent.ts';
import { Avatar } from '../app/Avatar.tsx';
import { toneOf } from '../app/tone.ts';
import { useOpenRequests, usePlatform } from '../app/context.tsx';
import { Logo } from '../app/Logo.tsx';
import { useAsync } from '../app/useAsync.ts';
import { Conversation } from '../groups/Conversation.tsx';
import { GroupList } from '../groups/GroupList.tsx';
import { OpeningConversation } from '../groups/OpeningConversation.tsx';
import { deviceLabel, type Identity } from '../identity/identity.ts';
import { appSettings } from '../settings/app-settings.ts';
import { SettingsButton } from '../settings/SettingsButton.tsx';
import type { HistoryPolicy } from '../sync/create-group-options.ts';
import { useGroups, useSyncStore } from '../sync/hooks.tsx';
import { GlobalSearchButton } from '../search/GlobalSearch.tsx';
import { QuickSwitcherHost } from '../search/QuickSwitcher.tsx';
import { ShortcutsHelpHost } from '../search/ShortcutsHelpHost.tsx';

const JoinGroup = lazyNamed(() => import('../groups/JoinGroup.tsx').then((m) => m.JoinGroup));
const NewGroupForm = lazyNamed(() =>
  import('../groups/NewGroupForm.tsx').then((m) => m.NewGroupForm),
);
const Settings = lazyNamed(() => import('./Settings.tsx').then((m) => m.Settings));

/** The main layout the chat fills: groups on the left, the open conversation on the right. */
export function Home(props: { identity: Identity }) {
  const { identity } = props;
  const platform = usePlatform();
  const vaultStatus = useAsync(() => platform.vault.status(), [platform]);
  const info = useAsync(() => platform.info(), [platform]);
  const store = useSyncStore();
  const sync = useGroups();
  const { t } = useTranslation('home');
  // The group open when the app last closed opens again once the groups are there.
  const [selected, setSelected] = useState<string | null>(lastGroup);
  // A message to bring into view (a search result), with the group it is in.
  const [jump, setJump] = useState<{ groupId: string; target: JumpTarget } | null>(null);
  const jumpTo = (groupId: string, messageId: string) => {
    setSettingsOpen(false);
    setSelected(groupId);
    setJump((last) => ({ groupId, target: { messageId, nonce: (last?.target.nonce ?? 0) + 1 } }));
  };
  const [creating, setCreating] = useState(false);
  const [joining, setJoining] = useState(false);
  // An invite link the desktop app was asked to open; `key` starts a fresh Join form for each.
  const [joinLink, setJoinLink] = useState<{ link: string; key: number } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // The last open group's recent window, shown until its group has opened (and kept, so the
  // conversation mounted from it keeps its place when the real pages arrive). The store has it
  // from its start (the session unsealed it) and only drops it, so the first one is kept.
  const [early] = useState(sync.early);
  // While starting, the list is the one last shown: only the group with the recent window can
  // be drawn (from it); another one chosen meanwhile shows its frame until the groups open.
  const open =
    sync.status === 'ready' ? (sync.groups.find((g) => g.id === selected) ?? null) : null;
  const shown =
    open ??
    (sync.status === 'starting' && early?.groupId === selected ? earlySummary(early) : null);
  // A group to open again, but nothing yet to draw it from.
  const opening = !shown && sync.status === 'starting' && selected !== null;
  useEffect(() => {
    // Forget a remembered group only once the list is known not to have it.
    if (sync.status === 'ready' && (selected === null || open)) rememberGroup(selected);
  }, [sync.status, selected, open]);
  // Alt+Up / Alt+Down move between groups, and with Shift to the next with unread messages, as
  // in other chat apps.
  const groupsRef = useRef(sync.groups);
  useEffect(() => {
    groupsRef.current = sync.groups;
  }, [sync.groups]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
      const direction = event.key === 'ArrowUp' ? 'up' : 'down';
      const groups = groupsRef.current;
      const next = event.shiftKey
        ? neighbourUnread(groups, selected, direction)
        : neighbourGroup(
            groups.map((g) => g.id),
            selected,
            direction,
          );
      if (next === null) return;
      event.preventDefault();
      setSettingsOpen(false);
      setSelected(next);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [selected]);

  const openRequests = useOpenRequests();

  // Deep links and notification clicks, once the groups are open (they wait until then).
  useEffect(() => {
    if (sync.status !== 'ready') return;
    return openRequests.consume((request) => {
      if (request.kind === 'join') {
        setJoinLink((previous) => ({ link: request.link, key: (previous?.key ?? 0) + 1 }));
        setJoining(true);
        setCreating(false);
      } else if (request.kind === 'menu') {
        // The application menu: the same as the sidebar's buttons and the settings gear.
        setSettingsOpen(request.command === 'settings');
        setCreating(request.command === 'new-group');
        setJoining(request.command === 'join-group');
      } else if (store.getSnapshot().groups.some((g) => g.id === request.groupId)) {
        setSettingsOpen(false);
        setSelected(request.groupId);
      } else {
        console.warn('Fellows was asked to open a group this device is not in');
      }
    });
  }, [sync.status, openRequests, store]);

  async function create(name: string, historyPolicy: HistoryPolicy) {
    const client = store.client();
    if (!client) throw new Error('Fellows is still starting');
    const id = await client.createGroup(name, {
      historyPolicy,
      signaling: appSettings().get().signaling,
    });
    await store.refresh();
    setCreating(false);
    setSettingsOpen(false);
    setSelected(id);
  }

  return (
    <div className="shell">
      {shown && !settingsOpen ? (
        <a className="skip-link" href="#conversation">
          {t('skipToConversation')}
        </a>
      ) : null}
      <aside className="sidebar" aria-label={t('groupsLandmark')}>
        <header className="sidebar-header">
          <Logo />
          <span className="wordmark">Fellows</span>
          <SettingsButton
            open={settingsOpen}
            onClick={() => {
              setSettingsOpen(!settingsOpen);
            }}
          />
        </header>
        {/* The engine answers searches while it opens the groups (sync/worker.ts). */}
        <GlobalSearchButton
          onJump={jumpTo}
          disabled={sync.status !== 'ready' && sync.status !== 'starting'}
        />
        <QuickSwitcherHost
          groups={sync.groups}
          onOpen={(id) => {
            setSettingsOpen(false);
            setSelected(id);
          }}
        />
        <ShortcutsHelpHost />
        <nav className="group-list" aria-labelledby="groups-heading">
          <div className="group-list-head">
            <h2 id="groups-heading">{t('yourGroups')}</h2>
            <div className="group-list-actions">
              <button
                type="button"
                className="small"
                onClick={() => {
                  setJoining(true);
                  setCreating(false);
                }}
                disabled={sync.status !== 'ready'}
              >
                {t('join')}
              </button>
              <button
                type="button"
                className="small"
                onClick={() => {
                  setCreating(true);
                  setJoining(false);
                }}
                disabled={sync.status !== 'ready'}
              >
                {t('newGroup')}
              </button>
            </div>
          </div>
          {joining ? (
            <Suspense fallback={null}>
              <JoinGroup
                key={joinLink?.key ?? 0}
                initialCode={joinLink?.link}
                onJoined={(id) => {
                  setJoining(false);
                  setJoinLink(null);
                  setSettingsOpen(false);
                  setSelected(id);
                  void store.refresh();
                }}
                onCancel={() => {
                  setJoining(false);
                  setJoinLink(null);
                }}
              />
            </Suspense>
          ) : null}
          {creating ? (
            <Suspense fallback={null}>
              <NewGroupForm
                onCreate={create}
                onCancel={() => {
                  setCreating(false);
                }}
              />
            </Suspense>
          ) : null}
          {sync.status === 'failed' ? (
            <p className="field-error" role="alert">
              {t('openFailed', { error: sync.error ?? '' })}
            </p>
          ) : sync.status === 'elsewhere' ? (
            <p className="notice notice-info" role="alert">
              {t('openElsewhere')}
            </p>
          ) : (
            <GroupList
              groups={sync.groups}
              status={sync.status}
              {...(creating || joining
                ? {}
                : {
                    onCreate: () => {
                      setCreating(true);
                    },
                    onJoin: () => {
                      setJoining(true);
                    },
                  })}
              selected={selected}
              onSelect={(id) => {
                setSettingsOpen(false);
                setSelected(id);
              }}
            />
          )}
        </nav>
        <footer className="me">
          <Avatar name={identity.displayName} tone={toneOf(toHex(identity.person.publicKey))} />
          <div className="me-text">
            <span className="me-name">{identity.displayName}</span>
            <span className="me-device" title={t('thisDeviceKey')}>
              {t('thisDevice', { label: deviceLabel(identity.devicePublicKey) })}
            </span>
          </div>
        </footer>
      </aside>
      {settingsOpen ? (
        <main className="pane pane-settings" aria-labelledby="settings-heading">
          <Suspense fallback={null}>
            <Settings
              onClose={() => {
                setSettingsOpen(false);
              }}
            />
          </Suspense>
        </main>
      ) : shown ? (
        <main className="pane pane-conversation" id="conversation" tabIndex={-1}>
          <Conversation
            key={shown.id}
            group={shown}
            // A result found while the engine starts is brought into view once it runs.
            jumpTo={sync.status === 'ready' && jump?.groupId === shown.id ? jump.target : null}
            onJump={jumpTo}
            initial={early?.groupId === shown.id ? early.window : null}
          />
        </main>
      ) : opening ? (
        <OpeningConversation />
      ) : (
        <main className="pane" aria-labelledby="pane-heading">
          <div className="empty-state">
            <h1 id="pane-heading">{t('emptyTitle')}</h1>
            <p className="lede">{t('emptyLede')}</p>
            <ul className="facts">
              <li>{t('emptyFactOrder')}</li>
              <li>{t('emptyFactOnline')}</li>
            </ul>
            {vaultStatus && !vaultStatus.protectedAtRest ? (
              <p
                className={`notice ${platform.host === 'web' ? 'notice-info' : 'notice-warn'}`}
                role="note"
              >
                {vaultStatus.explanation}
              </p>
            ) : null}
            {info ? (
              <p className="meta">
                {info.name} {info.version} ·{' '}
                {platform.host === 'web' ? t('inBrowser') : t('desktopApp')}
              </p>
            ) : null}
          </div>
        </main>
      )}
    </div>
  );
}

/** What the sidebar knows of a group, from its recent window, while the groups still open. */
function earlySummary(early: NonNullable<SyncState['early']>): GroupSummary {
  const { window } = early;
  return {
    id: early.groupId,
    name: window.groupName,
    members: window.members,
    unread: window.unreadFrom === null ? 0 : window.page.total - window.unreadFrom,
    mentions: 0,
    last: window.page.items.at(-1) ?? null,
    signaling: window.signaling,
    historyPolicy: window.historyPolicy,
    epoch: null,
  };
}
