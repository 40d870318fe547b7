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
import { forInputMethod } from '../app/input-method.ts';

/**
 * What went wrong, kept as what happened rather than as words, so that it reads in the
 * language the app is in when it is drawn. `failed`: the worker refused where the page's own
 * decoder found nothing (its words are technical, in English).
 */
type JoinProblem =
  | { kind: 'problem'; problem: InviteProblem }
  | { kind: 'failed'; during: 'check' | 'ask'; message: string };

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
  const [problem, setProblem] = useState<JoinProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const introId = useId();
  const joinId = step.at === 'asked' ? step.joinId : -1;
  const status = useSyncExternalStore(store.subscribe, () => store.joinStatus(joinId));

  useEffect(() => {
    if (status?.state === 'admitted') onJoined(status.groupId);
  }, [status, onJoined]);

  const groups = useSyncExternalStore(store.subscribe, () => store.getSnapshot().groups);
  const member =
    problem?.kind === 'problem' && problem.problem.kind === 'already-member'
      ? problem.problem.groupId
      : null;

  /** The problem the page's own decoder finds with `text` (null: the worker may look at it). */
  function problemWith(text: string): JoinProblem | null {
    const known = store.getSnapshot().groups;
    const found = inviteProblem(text, Date.now(), (id) => known.some((g) => g.id === id));
    return found ? { kind: 'problem', problem: found } : null;
  }

  /**
   * Why the worker refused: the page's decoder asked again first (an invite that expired
   * while the preview was open, or a group joined meanwhile, gets its own words).
   */
  function refused(text: string, during: 'check' | 'ask', message: string): JoinProblem {
    return problemWith(text) ?? { kind: 'failed', during, message };
  }

  function words(shown: JoinProblem): string {
    if (shown.kind === 'failed')
      return shown.during === 'ask'
        ? t('joinFailed', { message: shown.message })
        : t('checkFailed', { message: shown.message });
    const found = shown.problem;
    if (found.kind === 'expired') return t('errorExpired', { date: formatDate(found.expiredAt) });
    if (found.kind === 'already-member') {
      const name = groups.find((g) => g.id === found.groupId)?.name ?? '';
      return t('errorAlreadyMember', { group: name });
    }
    return t(PROBLEM_WORDS[found.kind]);
  }
  const error = problem ? words(problem) : null;

  async function check(text: string) {
    const client = store.client();
    if (!client) return;
    const found = problemWith(text);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      const preview = await client.previewInvite(text);
      if (preview.ok) setStep({ at: 'preview', code: text, preview });
      else setProblem(refused(text, 'check', preview.message));
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
    setProblem(null);
    try {
      const result = await client.join(inviteCode);
      if (result.ok) setStep({ at: 'asked', joinId: result.joinId });
      else setProblem(refused(inviteCode, 'ask', result.message));
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
              if (e.key === 'Enter' && !e.shiftKey && !forInputMethod(e)) {
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
                setProblem(null);
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
