import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { JoinRefusal } from '../../../shared/repo/join-package.ts';
import type { JoinStatus } from '../../../shared/repo/repo.ts';
import { Dialog } from '../app/Dialog.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { formatDate } from '../i18n/format.ts';
import type { InvitePreview } from '../sync/api.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { inviteProblem, type InviteProblem } from './invite-problem.ts';
import './group-forms.css';

type Step =
  | { at: 'paste' }
  | { at: 'preview'; code: string; preview: Extract<InvitePreview, { ok: true }> }
  | { at: 'asked'; joinId: number };

/** The words for each way a pasted invite can be wrong. */
const PROBLEM_WORDS = {
  empty: 'errorEmpty',
  'not-an-invite': 'errorNotAnInvite',
  'other-link': 'errorOtherLink',
  'too-long': 'errorTooLong',
  'bad-encoding': 'errorBadEncoding',
  'bad-checksum': 'errorBadChecksum',
  'unsupported-version': 'errorNewer',
  malformed: 'errorMalformed',
  'bad-signaling-url': 'errorBadServer',
  'device-link': 'errorDeviceLink',
} as const satisfies Record<Exclude<InviteProblem['kind'], 'expired' | 'already-member'>, string>;

const REFUSAL_WORDS = {
  expired: 'refusedExpired',
  revoked: 'refusedRevoked',
  used: 'refusedUsed',
  'not-allowed': 'refusedNotAllowed',
} as const satisfies Record<JoinRefusal, string>;

/**
 * Joining by invite (DESIGN §3), in a dialog: the person first sees the group's name and which
 * servers will be contacted; nothing leaves the laptop until they ask. Then it waits, saying
 * plainly that a member must be online to let them in. `initialCode` is an invite link the
 * desktop app was asked to open: it is checked at once, and joining still waits for "Ask to
 * join". A bad invite gets words for what is wrong with it, and the text stays to be fixed.
 */
export function JoinGroup(props: {
  initialCode?: string | undefined;
  onJoined: (groupId: string) => void;
  onCancel: () => void;
}) {
  const store = useSyncStore();
  const { t } = useTranslation('invite');
  const { t: common } = useTranslation('common');
  const { initialCode, onJoined } = props;
  const [code, setCode] = useState(initialCode ?? '');
  const [step, setStep] = useState<Step>({ at: 'paste' });
  const [error, setError] = useState<string | null>(null);
  const [member, setMember] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const introId = useId();
  const joinId = step.at === 'asked' ? step.joinId : -1;
  const status = useSyncExternalStore(store.subscribe, () => store.joinStatus(joinId));

  useEffect(() => {
    if (status?.state === 'admitted') onJoined(status.groupId);
  }, [status, onJoined]);

  /** The problem with `text` in words, or null when the worker may look at it. */
  function problemWords(text: string): string | null {
    const groups = store.getSnapshot().groups;
    const problem = inviteProblem(text, Date.now(), (id) => groups.some((g) => g.id === id));
    setMember(problem?.kind === 'already-member' ? problem.groupId : null);
    if (!problem) return null;
    if (problem.kind === 'expired')
      return t('errorExpired', { date: formatDate(problem.expiredAt) });
    if (problem.kind === 'already-member') {
      const name = groups.find((g) => g.id === problem.groupId)?.name ?? '';
      return t('errorAlreadyMember', { group: name });
    }
    return t(PROBLEM_WORDS[problem.kind]);
  }

  async function check(text: string) {
    const client = store.client();
    if (!client) return;
    setError(null);
    const problem = problemWords(text);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const preview = await client.previewInvite(text);
      if (preview.ok) setStep({ at: 'preview', code: text, preview });
      // The decoder above found nothing; the worker's words are all there is.
      else setError(preview.message);
    } finally {
      setBusy(false);
    }
  }

  // A link to open is checked at once, as if the person had pasted it and pressed "Check".
  useEffect(() => {
    if (initialCode === undefined) return;
    const timer = setTimeout(() => void check(initialCode), 0);
    return () => {
      clearTimeout(timer);
    };
    // Once per link: Home gives each link its own JoinGroup (a fresh `key`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialCode]);

  async function ask(inviteCode: string) {
    const client = store.client();
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.join(inviteCode);
      if (result.ok) setStep({ at: 'asked', joinId: result.joinId });
      else setError(t('joinFailed', { message: result.message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('joinTitle')} className="join-dialog" onClose={props.onCancel}>
      {step.at === 'paste' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void check(code);
          }}
          noValidate
        >
          <p id={introId} className="dialog-lede">
            {t('joinIntro')}
          </p>
          <label htmlFor={inputId}>{t('joinLabel')}</label>
          <textarea
            id={inputId}
            rows={4}
            data-autofocus
            // An invite holds its secret: keep it out of the browser's saved session state.
            autoComplete="off"
            spellCheck={false}
            value={code}
            placeholder="fellows://join/…"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : introId}
            onChange={(e) => {
              setCode(e.target.value);
            }}
            onKeyDown={(e) => {
              // Enter checks; a pasted code never needs a line break.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void check(code);
              }
            }}
          />
          <FieldError id={errorId} message={error} />
          {member ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onJoined(member);
              }}
            >
              {t('openGroup')}
            </button>
          ) : null}
          <div className="form-actions">
            <button type="button" onClick={props.onCancel}>
              {common('cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('checking') : t('check')}
            </button>
          </div>
        </form>
      ) : null}
      {step.at === 'preview' ? (
        <div>
          <p className="join-invited">
            {step.preview.groupName ? (
              <Trans
                t={t}
                i18nKey="invited"
                values={{ group: step.preview.groupName }}
                components={{ b: <strong /> }}
              />
            ) : (
              t('invitedUnnamed')
            )}
          </p>
          <p className="dialog-lede">
            {t('contactHosts', { hosts: step.preview.hosts.join(', ') })}
            {step.preview.expiresAt !== null
              ? ` ${t('expires', { date: formatDate(step.preview.expiresAt) })}`
              : null}
          </p>
          <FieldError message={error} />
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                setError(null);
                setStep({ at: 'paste' });
              }}
              disabled={busy}
            >
              {common('back')}
            </button>
            <button
              type="button"
              className="primary"
              data-autofocus
              disabled={busy}
              onClick={() => void ask(step.code)}
            >
              {busy ? t('asking') : t('askToJoin')}
            </button>
          </div>
        </div>
      ) : null}
      {step.at === 'asked' ? (
        <JoinProgress
          status={status}
          onClose={props.onCancel}
          onRetry={() => {
            void store.client()?.retryJoin(step.joinId);
          }}
          refusal={status?.state === 'refused' ? t(REFUSAL_WORDS[status.reason]) : null}
        />
      ) : null}
    </Dialog>
  );
}

/** Where a request to join stands, calmly: asking, waiting (and for whom), fetching. */
function JoinProgress(props: {
  status: JoinStatus | undefined;
  refusal: string | null;
  onClose: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation('invite');
  const { t: common } = useTranslation('common');
  const { status } = props;
  // A request is out and waiting until a member answers: the engine reports only changes.
  const state = status?.state ?? 'waiting';
  const steps = [
    { key: 'check', label: t('stepCheck'), done: true },
    { key: 'ask', label: t('stepAsk'), done: state === 'syncing' || state === 'admitted' },
    { key: 'in', label: t('stepIn'), done: state === 'admitted' },
  ];
  return (
    <div className="join-progress">
      <ol className="join-steps" aria-hidden="true">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? 'done' : ''}>
            {s.label}
          </li>
        ))}
      </ol>
      <div role="status" className={`join-status${state === 'refused' ? ' refused' : ''}`}>
        {state === 'refused' ? (
          <p className="field-error">{props.refusal}</p>
        ) : state === 'syncing' || state === 'admitted' ? (
          <p className="join-headline">
            <span className="join-spinner" aria-hidden="true" />
            {t('syncing')}
          </p>
        ) : state === 'awaiting-approval' ? (
          <>
            <p className="join-headline">
              <span className="join-spinner" aria-hidden="true" />
              {t('waitingAdmin')}
            </p>
            <p className="dialog-lede">{t('waitingAdminHint')}</p>
          </>
        ) : (
          <>
            <p className="join-headline">
              <span className="join-spinner" aria-hidden="true" />
              {t('waitingMember')}
            </p>
            <p className="dialog-lede">{t('waitingMemberHint')}</p>
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {common('close')}
        </button>
        {state === 'waiting' || state === 'awaiting-approval' ? (
          <button type="button" onClick={props.onRetry}>
            {t('askAgain')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
