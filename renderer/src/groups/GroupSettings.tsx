import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { Standing } from '../../../shared/repo/views.ts';
import { Dialog } from '../app/Dialog.tsx';
import {
  NOTIFY_LEVELS,
  levelStore,
  useNotifyLevel,
  type NotifyLevel,
} from '../attention/levels.ts';
import {
  NotificationAccessNote,
  useNotificationAccess,
} from '../attention/NotificationAccessNote.tsx';
import { useSettings } from '../settings/app-settings.ts';
import { RadioChoice } from '../settings/RadioChoice.tsx';
import { stunServersInUse } from '../sync/client.ts';
import { ApproveJoins } from './ApproveJoins.tsx';
import { GroupNameField } from './GroupNameField.tsx';
import { LeaveGroup } from './LeaveGroup.tsx';
import './group-settings.css';
import { sentenceGap } from '../i18n/format.ts';

const LEVEL_TEXT = {
  all: { label: 'levelAll', hint: 'levelAllHint' },
  mentions: { label: 'levelMentions', hint: 'levelMentionsHint' },
  off: { label: 'levelOff', hint: 'levelOffHint' },
} as const;

/**
 * One group's settings, from its conversation header: its name (admins rename it), what new
 * members see, how much it may notify, the only servers Fellows contacts for it, and the
 * membership actions. A modal dialog: Esc or Close leaves it.
 */
export function GroupSettings(props: {
  group: GroupSummary;
  standing: Standing;
  onShowMembers: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('group');
  const { t: common } = useTranslation('common');
  const { group, standing } = props;
  const level = useNotifyLevel(group.id);
  const [access, askAccess] = useNotificationAccess();
  const settings = useSettings();
  // STUN is this device's, for every group: the servers in use since start, not yet-to-be.
  const stun = stunServersInUse() ?? settings.stun;
  const member = standing.state === 'member' ? standing : null;

  return (
    <Dialog title={t('settingsTitle')} className="group-settings" onClose={props.onClose}>
      <section className="group-settings-section" aria-labelledby="group-name-heading">
        <h3 id="group-name-heading">{t('nameHeading')}</h3>
        <GroupNameField groupId={group.id} name={group.name} canRename={member?.admin ?? false} />
      </section>

      <section className="group-settings-section" aria-labelledby="group-history-heading">
        <h3 id="group-history-heading">{t('historyHeading')}</h3>
        <p className="hint">
          {t(group.historyPolicy === 'all' ? 'historyAll' : 'historyFromJoin')}
          {sentenceGap()}
          {t('historyAfter')}
        </p>
      </section>

      <section className="group-settings-section" aria-labelledby="group-notify-heading">
        <h3 id="group-notify-heading">{t('notifyHeading')}</h3>
        <RadioChoice<NotifyLevel>
          legend={t('notifyHeading')}
          legendHidden
          value={level}
          options={NOTIFY_LEVELS.map((value) => ({
            value,
            label: t(LEVEL_TEXT[value].label),
            hint: t(LEVEL_TEXT[value].hint),
          }))}
          onChange={(value) => {
            levelStore().set(group.id, value);
            // Turning notifications on is the moment to ask the browser, if it never was.
            if (value !== 'off' && access === 'ask') void askAccess();
          }}
        />
        <p className="hint">{t('levelPrivacy')}</p>
        {access !== 'granted' && level !== 'off' ? (
          <NotificationAccessNote
            access={access}
            onAsk={() => {
              void askAccess();
            }}
          />
        ) : null}
      </section>

      <section className="group-settings-section" aria-labelledby="group-servers-heading">
        <h3 id="group-servers-heading">{t('serversHeading')}</h3>
        <p className="hint">{t('serversIntro')}</p>
        <ServerNames label={t('signalingLabel')} urls={group.signaling} none={t('signalingNone')} />
        <p className="hint">{t('signalingHint')}</p>
        <ServerNames label={t('stunLabel')} urls={stun} none={t('stunNone')} />
      </section>

      <section className="group-settings-section" aria-labelledby="group-membership-heading">
        <h3 id="group-membership-heading">{t('membershipHeading')}</h3>
        <button type="button" className="link-button" onClick={props.onShowMembers}>
          {t('showMembers', { count: group.members })}
        </button>
        {member?.admin ? (
          <ApproveJoins groupId={group.id} approving={member.adminsApproveJoins} hint />
        ) : null}
        {member ? (
          <LeaveGroup groupId={group.id} groupName={group.name} />
        ) : (
          <p className="hint">{t('notMember')}</p>
        )}
      </section>

      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {common('close')}
        </button>
      </div>
    </Dialog>
  );
}

/** A labelled, read-only list of server addresses. */
function ServerNames(props: { label: string; urls: readonly string[]; none: string }) {
  return (
    <div className="server-names">
      <h4>{props.label}</h4>
      {props.urls.length === 0 ? (
        <p className="server-list-empty">{props.none}</p>
      ) : (
        <ul className="server-list server-list-readonly" aria-label={props.label}>
          {props.urls.map((url) => (
            <li key={url}>
              <code>{url}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
