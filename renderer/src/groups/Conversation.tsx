import { lazyNamed } from '../app/lazy.ts';
import { useState, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { InitialWindow } from '../conversation/paging.ts';
import type { Notice } from '../../../shared/repo/notices.ts';
import { Composer } from '../composer/Composer.tsx';
import type { ComposeIntent, JumpTarget } from '../conversation/intent.ts';
import { MessageList } from '../conversation/MessageList.tsx';
import { useConversation, usePresence, useRoomStatus } from '../sync/hooks.tsx';
import { GroupInfo } from './GroupInfo.tsx';
import { StandingBanner } from './StandingBanner.tsx';
import { OfflineBanner, PresenceLine } from './RoomStatusBar.tsx';
import { GroupSearchButton } from '../search/GroupSearch.tsx';

const MembersPanel = lazyNamed(() => import('./MembersPanel.tsx').then((m) => m.MembersPanel));
const InvitePanel = lazyNamed(() => import('./InvitePanel.tsx').then((m) => m.InvitePanel));
const SyncPanel = lazyNamed(() => import('./SyncPanel.tsx').then((m) => m.SyncPanel));

function typingText(t: TFunction<'home'>, names: string[]): string | null {
  const [first, second] = names;
  if (first === undefined) return null;
  if (second === undefined) return t('typingOne', { name: first });
  if (names.length === 2) return t('typingTwo', { first, second });
  return t('typingMany');
}

/** One group's conversation: the latest messages and a composer. */
export function Conversation(props: {
  group: GroupSummary;
  jumpTo?: JumpTarget | null;
  /** Opens a search result: its group, scrolled to the message. */
  onJump?: (groupId: string, messageId: string) => void;
  /** The recent window, shown while the engine starts (the last open group), with its notices. */
  initial?: (InitialWindow & { notices: readonly Notice[] }) | null;
}) {
  const { group } = props;
  const { members, standing, requests, notices } = useConversation(
    group.id,
    props.initial?.notices,
  );
  const [membersOpen, setMembersOpen] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const presence = usePresence(group.id);
  const status = useRoomStatus(group.id, group.epoch);
  const [intent, setIntent] = useState<ComposeIntent | null>(null);
  const { t } = useTranslation('home');
  const typingLine = typingText(
    t,
    presence.typing.map((p) => p.name),
  );

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
          {t('members', { count: members.length > 0 ? members.length : group.members })}
        </button>
        {requests.length > 0 ? (
          <button
            type="button"
            className="badge badge-button"
            onClick={() => {
              setMembersOpen(true);
            }}
          >
            {t('asking', { count: requests.length })}
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
            {t('invite')}
          </button>
        ) : (
          <span className="header-action" />
        )}
        {props.onJump ? (
          <GroupSearchButton groupId={group.id} groupName={group.name} onJump={props.onJump} />
        ) : null}
        <button
          type="button"
          className="small"
          aria-expanded={syncOpen}
          onClick={() => {
            setSyncOpen(!syncOpen);
          }}
        >
          {t('sync')}
        </button>
        <GroupInfo
          group={group}
          standing={standing}
          onShowMembers={() => {
            setMembersOpen(true);
          }}
        />
      </header>
      {standing.state === 'member' ? (
        <OfflineBanner groupId={group.id} epoch={group.epoch} />
      ) : null}
      {membersOpen ? (
        <Suspense fallback={null}>
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
        </Suspense>
      ) : null}
      {syncOpen ? (
        <Suspense fallback={null}>
          <SyncPanel
            groupId={group.id}
            status={status}
            onClose={() => {
              setSyncOpen(false);
            }}
          />
        </Suspense>
      ) : null}
      {inviting ? (
        <Suspense fallback={null}>
          <InvitePanel
            groupId={group.id}
            groupName={group.name}
            historyPolicy={group.historyPolicy}
            onClose={() => {
              setInviting(false);
            }}
          />
        </Suspense>
      ) : null}
      <MessageList
        initial={props.initial ?? null}
        group={group}
        members={members}
        notices={notices}
        presence={presence}
        jumpTo={props.jumpTo ?? null}
        onReply={(message) => {
          setIntent({ kind: 'reply', message });
        }}
        onEdit={(message) => {
          setIntent({ kind: 'edit', message });
        }}
      />
      <p className="typing" aria-live="polite">
        {typingLine}
      </p>
      {standing.state !== 'member' ? (
        <StandingBanner groupId={group.id} groupName={group.name} standing={standing} />
      ) : (
        <Composer
          group={group}
          members={members}
          intent={intent}
          onIntentDone={() => {
            setIntent(null);
          }}
        />
      )}
    </section>
  );
}
