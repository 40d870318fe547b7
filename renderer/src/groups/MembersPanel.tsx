import { useState } from 'react';
import type { JoinRequestItem } from '../../../shared/repo/admit.ts';
import type { DeviceItem, MemberItem, Standing } from '../../../shared/repo/views.ts';
import { DeviceList } from './DeviceList.tsx';
import { Avatar } from '../app/Avatar.tsx';
import { Confirm } from '../app/Confirm.tsx';
import { useSyncStore } from '../sync/hooks.tsx';
import type { SyncClient } from '../sync/client.ts';
import { FieldError } from '../app/FieldError.tsx';

/** A change that needs a second click, said in plain words first. */
type Pending =
  | { kind: 'remove'; member: MemberItem }
  | { kind: 'promote'; member: MemberItem }
  | { kind: 'unlink'; member: MemberItem; device: DeviceItem }
  | { kind: 'leave' };

function question(pending: Pending, groupName: string): { title: string; detail: string } {
  switch (pending.kind) {
    case 'remove':
      return {
        title: `Remove ${pending.member.name} from ${groupName}?`,
        detail: `${pending.member.name} keeps what they already received, but will not see anything written from now on: the group moves to a new key they do not get.`,
      };
    case 'promote':
      return {
        title: `Make ${pending.member.name} an admin?`,
        detail: 'Admins can remove people, make others admins and change the group’s settings.',
      };
    case 'unlink':
      return {
        title: `Unlink device ${pending.device.label}?`,
        detail: pending.member.me
          ? 'That laptop keeps what it already received, but sees nothing written from now on, in this group. To unlink it from all your groups at once, use Settings → Your devices.'
          : `${pending.member.name}’s device keeps what it already received, but sees nothing written from now on. ${pending.member.name} stays in the group on their other devices.`,
      };
    case 'leave':
      return {
        title: `Leave ${groupName}?`,
        detail:
          'You keep what you have, read-only. The others go on without you, and you will not see what they write from now on.',
      };
  }
}

/**
 * Who is in the group, with what an admin may do to each (make admin, remove) and leaving for
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
  const store = useSyncStore();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const admin = props.standing.state === 'member' && props.standing.admin;
  const approving = props.standing.state === 'member' && props.standing.adminsApproveJoins;
  // Shown at once when changed here, until the group's setting moves (or the change fails).
  const [override, setOverride] = useState<{ value: boolean; over: boolean } | null>(null);
  const approve = override?.over === approving ? override.value : approving;
  const inGroup = props.standing.state === 'member';

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
        case 'leave':
          return client.leave(props.groupId);
      }
    });
    if (done) setPending(null);
  }

  /** Runs a change made with one click (it can be undone, or it concerns a newcomer). */
  async function act(change: (client: SyncClient) => Promise<void>): Promise<boolean> {
    const client = store.client();
    if (!client) return false;
    setBusy(true);
    setError(null);
    try {
      await change(client);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const asked = pending ? question(pending, props.groupName) : null;
  return (
    <section className="members-panel card" aria-label="Members">
      <h2>Members</h2>
      {admin && props.requests.length > 0 ? (
        <section className="join-requests" aria-label="Asking to join">
          <h3>Asking to join</h3>
          <ul className="member-list">
            {props.requests.map((request) => (
              <li key={request.device}>
                <Avatar name={request.name} size={28} />
                <span className="member-name">{request.name}</span>
                <span className="member-actions">
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    aria-label={`Decline ${request.name}`}
                    onClick={() => void act((c) => c.declineJoin(props.groupId, request.device))}
                  >
                    Decline
                  </button>
                  <button
                    type="button"
                    className="small primary"
                    disabled={busy}
                    aria-label={`Let ${request.name} in`}
                    onClick={() => void act((c) => c.approveJoin(props.groupId, request.device))}
                  >
                    Let in
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="member-list">
        {props.members.map((member) => (
          <li key={member.person}>
            <Avatar name={member.name} size={28} />
            <span className="member-name">
              {member.name}
              {member.me ? <span className="meta"> (you)</span> : null}
            </span>
            {member.role === 'admin' ? <span className="badge">Admin</span> : null}
            <button
              type="button"
              className="small"
              aria-expanded={shown === member.person}
              aria-label={`Safety number of ${member.name}`}
              onClick={() => {
                setShown(shown === member.person ? null : member.person);
              }}
            >
              Safety number
            </button>
            {admin && !member.me ? (
              <span className="member-actions">
                {member.role === 'member' ? (
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    onClick={() => {
                      setPending({ kind: 'promote', member });
                    }}
                  >
                    Make admin
                  </button>
                ) : null}
                <button
                  type="button"
                  className="small danger"
                  disabled={busy}
                  aria-label={`Remove ${member.name}`}
                  onClick={() => {
                    setPending({ kind: 'remove', member });
                  }}
                >
                  Remove
                </button>
              </span>
            ) : null}
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
            {shown === member.person ? (
              <p className="safety-number">
                <code>{member.safetyNumber}</code>
                <span className="hint">
                  {member.me
                    ? 'Yours. Others see the same digits for you on their screens.'
                    : `Compare with the digits on ${member.name}’s own screen, in person or on a call. If they match, messages from ${member.name} are really from them.`}
                </span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {asked && pending ? (
        <Confirm
          title={asked.title}
          detail={asked.detail}
          confirmLabel={
            pending.kind === 'remove'
              ? 'Remove'
              : pending.kind === 'promote'
                ? 'Make admin'
                : pending.kind === 'unlink'
                  ? 'Unlink'
                  : 'Leave'
          }
          danger={pending.kind !== 'promote'}
          busy={busy}
          onCancel={() => {
            setPending(null);
          }}
          onConfirm={() => void confirm(pending)}
        />
      ) : null}
      <FieldError message={error} />
      {admin ? (
        <label className="check">
          <input
            type="checkbox"
            checked={approve}
            disabled={busy}
            onChange={(e) => {
              const on = e.target.checked;
              setOverride({ value: on, over: approving });
              void act((c) => c.setApproveJoins(props.groupId, on)).then((done) => {
                // Refused (say, no longer an admin): show what the group says again.
                if (!done) setOverride(null);
              });
            }}
          />
          New members need an admin’s approval
        </label>
      ) : null}
      <div className="form-actions">
        {inGroup ? (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              setPending({ kind: 'leave' });
            }}
          >
            Leave group
          </button>
        ) : null}
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
