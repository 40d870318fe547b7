import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { JoinRequestItem } from '../../../shared/repo/admit.ts';
import type { DeviceItem, MemberItem, Standing } from '../../../shared/repo/views.ts';
import { Avatar } from '../app/Avatar.tsx';
import { Confirm } from '../app/Confirm.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { formatDate } from '../i18n/format.ts';
import { usePresence } from '../sync/hooks.tsx';
import { ApproveJoins } from './ApproveJoins.tsx';
import { DeviceList } from './DeviceList.tsx';
import { LeaveGroup } from './LeaveGroup.tsx';
import { SidePanel } from './SidePanel.tsx';
import { useGroupAction } from './useGroupAction.ts';
import './members-panel.css';

/** A change that needs a second click, said in plain words first. */
type Pending =
  | { kind: 'remove'; member: MemberItem }
  | { kind: 'promote'; member: MemberItem }
  | { kind: 'unlink'; member: MemberItem; device: DeviceItem };

function question(pending: Pending, groupName: string, t: TFunction<'group'>) {
  const name = pending.member.name;
  switch (pending.kind) {
    case 'remove':
      return {
        title: t('removeTitle', { name, group: groupName }),
        detail: t('removeDetail', { name }),
        confirm: t('remove'),
      };
    case 'promote':
      return {
        title: t('promoteTitle', { name }),
        detail: t('promoteDetail'),
        confirm: t('makeAdmin'),
      };
    case 'unlink':
      return {
        title: t('unlinkTitle', { label: pending.device.label }),
        detail: pending.member.me ? t('unlinkDetailMine') : t('unlinkDetailOther', { name }),
        confirm: t('unlink'),
      };
  }
}

type Activity = 'typing' | 'online' | 'offline';

/**
 * Who is in the group: online or typing now, admins marked, each person's devices and safety
 * number to compare; what an admin may do to each (make admin, remove), and leaving for
 * oneself. Every change asks once more before it is made: removals cannot be undone.
 */
export function MembersPanel(props: {
  groupId: string;
  groupName: string;
  members: MemberItem[];
  standing: Standing;
  requests: JoinRequestItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation('group');
  const presence = usePresence(props.groupId);
  const { act, busy, error } = useGroupAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const admin = props.standing.state === 'member' && props.standing.admin;
  const inGroup = props.standing.state === 'member';

  const activity = (member: MemberItem): Activity | null => {
    if (member.me) return null;
    if (presence.typing.some((p) => p.person === member.person)) return 'typing';
    return presence.online.some((p) => p.person === member.person) ? 'online' : 'offline';
  };

  async function confirm(change: Pending) {
    // A switch, not a chain of conditions: a new kind of change can never fall through to
    // another (an unlink once did, to leaving).
    const done = await act((client) => {
      switch (change.kind) {
        case 'remove':
          return client.removeMember(props.groupId, change.member.person);
        case 'promote':
          return client.promote(props.groupId, change.member.person);
        case 'unlink':
          return client.unlinkDevice(props.groupId, change.device.device);
      }
    });
    if (done) setPending(null);
  }

  const asked = pending ? question(pending, props.groupName, t) : null;
  return (
    <SidePanel className="members-panel" title={t('membersHeading')} onClose={props.onClose}>
      {admin && props.requests.length > 0 ? (
        <section className="join-requests" aria-label={t('askingToJoin')}>
          <h3>{t('askingToJoin')}</h3>
          <ul className="member-list">
            {props.requests.map((request) => (
              <li key={request.device} className="member">
                <Avatar name={request.name} size={32} />
                <span className="member-name">{request.name}</span>
                <span className="member-actions">
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    aria-label={t('declineLabel', { name: request.name })}
                    onClick={() => void act((c) => c.declineJoin(props.groupId, request.device))}
                  >
                    {t('decline')}
                  </button>
                  <button
                    type="button"
                    className="small primary"
                    disabled={busy}
                    aria-label={t('letInLabel', { name: request.name })}
                    onClick={() => void act((c) => c.approveJoin(props.groupId, request.device))}
                  >
                    {t('letIn')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="member-list">
        {props.members.map((member) => {
          const state = activity(member);
          return (
            <li key={member.person} className="member">
              <span className="member-avatar">
                <Avatar name={member.name} tone={member.tone} size={32} />
                {state ? <span className={`presence-dot presence-${state}`} aria-hidden /> : null}
              </span>
              <div className="member-main">
                <div className="member-line">
                  <span className="member-name">
                    {member.name}
                    {member.me ? <span className="member-you"> {t('you')}</span> : null}
                  </span>
                  {member.role === 'admin' ? <span className="badge">{t('admin')}</span> : null}
                </div>
                <p className="member-status">
                  {state ? (
                    <span className={`member-activity activity-${state}`}>{t(state)}</span>
                  ) : null}
                  {member.deviceList.length === 1 && member.deviceList[0] ? (
                    <OneDevice device={member.deviceList[0]} />
                  ) : null}
                </p>
                {member.deviceList.length > 1 ? (
                  <DeviceList
                    member={member}
                    canUnlink={inGroup && (member.me || admin)}
                    busy={busy}
                    onUnlink={(device) => {
                      setPending({ kind: 'unlink', member, device });
                    }}
                  />
                ) : null}
                <button
                  type="button"
                  className="link-button safety-toggle"
                  aria-expanded={shown === member.person}
                  aria-label={t('safetyNumberOf', { name: member.name })}
                  onClick={() => {
                    setShown(shown === member.person ? null : member.person);
                  }}
                >
                  {t('safetyNumber')}
                </button>
                {shown === member.person ? (
                  <p className="safety-number">
                    <code>{member.safetyNumber}</code>
                    <span className="hint">
                      {member.me ? t('safetyMine') : t('safetyOther', { name: member.name })}
                    </span>
                  </p>
                ) : null}
                <div className="member-actions">
                  {admin && !member.me && member.role === 'member' ? (
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      onClick={() => {
                        setPending({ kind: 'promote', member });
                      }}
                    >
                      {t('makeAdmin')}
                    </button>
                  ) : null}
                  {admin && !member.me ? (
                    <button
                      type="button"
                      className="small danger"
                      disabled={busy}
                      aria-label={t('removeLabel', { name: member.name })}
                      onClick={() => {
                        setPending({ kind: 'remove', member });
                      }}
                    >
                      {t('remove')}
                    </button>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {asked && pending ? (
        <Confirm
          title={asked.title}
          detail={asked.detail}
          confirmLabel={asked.confirm}
          danger={pending.kind !== 'promote'}
          busy={busy}
          onCancel={() => {
            setPending(null);
          }}
          onConfirm={() => void confirm(pending)}
        />
      ) : null}
      <FieldError message={error} />
      {admin && props.standing.state === 'member' ? (
        <ApproveJoins groupId={props.groupId} approving={props.standing.adminsApproveJoins} />
      ) : null}
      {inGroup ? (
        <div className="side-panel-footer">
          <LeaveGroup groupId={props.groupId} groupName={props.groupName} onLeft={props.onClose} />
        </div>
      ) : null}
    </SidePanel>
  );
}

/** A person's only device: its label to compare between screens, and when it was added. */
function OneDevice(props: { device: DeviceItem }) {
  const { t } = useTranslation('group');
  const { device } = props;
  return (
    <span className="member-device">
      {t('device', { label: device.label })}
      {device.thisDevice ? ` · ${t('thisDevice')}` : ''}
      {' · '}
      {t('addedOn', { date: formatDate(device.addedAt) })}
    </span>
  );
}
