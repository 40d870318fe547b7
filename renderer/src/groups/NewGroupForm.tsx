import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DisplayNameError,
  MAX_GROUP_NAME_LENGTH,
  parseGroupName,
} from '../../../shared/profile.ts';
import { Dialog } from '../app/Dialog.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { HISTORY_POLICIES, type HistoryPolicy } from '../sync/create-group-options.ts';
import { historyPolicyWords } from './history-policy.ts';
import './group-forms.css';

/** What went wrong, worded when drawn (so in the language the app is in then). */
type CreateProblem =
  | { kind: 'name'; problem: DisplayNameError['problem'] }
  | { kind: 'unexpected'; message: string }
  | { kind: 'failed'; message: string };

/** A dialog: name the group, choose once who reads its history, create it. */
export function NewGroupForm(props: {
  onCreate: (name: string, historyPolicy: HistoryPolicy) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('invite');
  const { t: common } = useTranslation('common');
  const [name, setName] = useState('');
  const [historyPolicy, setHistoryPolicy] = useState<HistoryPolicy>('all');
  const [problem, setProblem] = useState<CreateProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const choiceId = useId();

  const error =
    problem === null
      ? null
      : problem.kind === 'unexpected'
        ? common('unexpectedError', { message: problem.message })
        : problem.kind === 'failed'
          ? t('createGroupFailed', { message: problem.message })
          : problem.problem === 'empty'
            ? t('groupNameEmpty')
            : problem.problem === 'too-long'
              ? t('groupNameTooLong', { max: MAX_GROUP_NAME_LENGTH })
              : t('groupNameControl');

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    let parsed: string;
    try {
      parsed = parseGroupName(name);
    } catch (caught) {
      if (!(caught instanceof DisplayNameError)) {
        console.error('Checking the group name failed', caught);
        setProblem({ kind: 'unexpected', message: String(caught) });
        return;
      }
      setProblem({ kind: 'name', problem: caught.problem });
      return;
    }
    setBusy(true);
    try {
      await props.onCreate(parsed, historyPolicy);
    } catch (caught) {
      setProblem({
        kind: 'failed',
        message: caught instanceof Error ? caught.message : String(caught),
      });
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('newTitle')}
      className="group-form-dialog"
      onClose={() => {
        if (!busy) props.onCancel();
      }}
    >
      <form className="new-group-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={inputId}>{t('groupName')}</label>
        <input
          id={inputId}
          data-autofocus
          // Else the browser keeps the name in its form history, in the clear (e2e/at-rest).
          autoComplete="off"
          value={name}
          placeholder={t('groupNamePlaceholder')}
          onChange={(e) => {
            setName(e.target.value);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          disabled={busy}
        />
        <FieldError id={errorId} message={error} />
        <fieldset className="choice" disabled={busy} aria-describedby={`${choiceId}-fixed`}>
          <legend>{t('historyLegend')}</legend>
          {HISTORY_POLICIES.map((policy) => {
            const words = historyPolicyWords[policy];
            const id = `${choiceId}-${policy}`;
            return (
              <label key={policy} className="choice-option">
                <input
                  type="radio"
                  name={choiceId}
                  value={policy}
                  checked={historyPolicy === policy}
                  onChange={() => {
                    setHistoryPolicy(policy);
                  }}
                  // The name is the option alone; its sentence is read as the description.
                  aria-labelledby={`${id}-label`}
                  aria-describedby={`${id}-hint`}
                />
                <span className="choice-text">
                  <span id={`${id}-label`} className="choice-label">
                    {t(words.label)}
                  </span>
                  <span id={`${id}-hint`} className="choice-hint">
                    {t(words.hint)}
                  </span>
                </span>
              </label>
            );
          })}
          <p id={`${choiceId}-fixed`} className="choice-fixed">
            {t('policyFixed')}
          </p>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={props.onCancel} disabled={busy}>
            {common('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('creatingGroup') : t('createGroup')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
