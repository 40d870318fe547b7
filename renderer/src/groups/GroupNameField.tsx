import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  DisplayNameError,
  MAX_GROUP_NAME_LENGTH,
  parseGroupName,
} from '../../../shared/profile.ts';
import { FieldError } from '../app/FieldError.tsx';
import { useGroupAction } from './useGroupAction.ts';

/**
 * The group's name: a field an admin can rename it with (checked here first by the same
 * rules the group applies, so a bad name is refused with the reason and nothing is lost), or
 * the name as text with who may change it. A rename from another admin shows up in the field
 * unless the person is typing in it.
 */
export function GroupNameField(props: { groupId: string; name: string; canRename: boolean }) {
  const { t } = useTranslation('group');
  const { act, busy, error: actionError, clearError } = useGroupAction();
  const [draft, setDraft] = useState(props.name);
  const [dirty, setDirty] = useState(false);
  const [seen, setSeen] = useState(props.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [renamed, setRenamed] = useState(false);
  const inputId = useId();
  const errorId = useId();

  // The group's name moved (a rename here or by another admin).
  if (seen !== props.name) {
    setSeen(props.name);
    if (!dirty) setDraft(props.name);
  }

  if (!props.canRename) {
    return (
      <>
        <p className="group-name-readonly">{props.name}</p>
        <p className="hint">{t('nameReadOnly')}</p>
      </>
    );
  }

  const error = problem ?? (actionError ? renameError(actionError, t) : null);

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setRenamed(false);
    let name: string;
    try {
      name = parseGroupName(draft);
    } catch (caught) {
      if (!(caught instanceof DisplayNameError)) throw caught;
      setProblem(nameProblem(caught, t));
      return;
    }
    setProblem(null);
    void act((client) => client.rename(props.groupId, name)).then((done) => {
      if (!done) return;
      setDirty(false);
      setDraft(name);
      setRenamed(true);
    });
  }

  return (
    <form className="group-name-form" onSubmit={submit} noValidate>
      {/* The section's heading says "Name": the label is for screen readers. */}
      <label htmlFor={inputId} className="sr-only">
        {t('nameLabel')}
      </label>
      <div className="group-name-row">
        <input
          id={inputId}
          value={draft}
          maxLength={MAX_GROUP_NAME_LENGTH * 4}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setDirty(true);
            setProblem(null);
            setRenamed(false);
            clearError();
          }}
        />
        <button type="submit" disabled={busy || draft.trim() === props.name}>
          {t('rename')}
        </button>
      </div>
      <FieldError id={errorId} message={error} />
      {renamed ? (
        <p className="hint group-name-done" role="status">
          {t('renamed')}
        </p>
      ) : null}
    </form>
  );
}

function nameProblem(error: DisplayNameError, t: TFunction<'group'>): string {
  switch (error.problem) {
    case 'empty':
      return t('nameEmpty');
    case 'too-long':
      return t('nameTooLong', { max: MAX_GROUP_NAME_LENGTH });
    case 'control-characters':
      return t('nameControl');
  }
}

/** The worker's refusal in the language shown; its own words when it is not one we know. */
function renameError(message: string, t: TFunction<'group'>): string {
  if (/only an admin/i.test(message)) return t('renameNotAdmin');
  return t('renameFailed', { message });
}
