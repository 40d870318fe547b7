import { useId, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appSettings, useSettings } from './app-settings.ts';
import { addServer, type ServerKind, type UrlProblem } from './urls.ts';
import { FieldError } from '../app/FieldError.tsx';

/**
 * One list of servers in Settings: what is there, a remove button for each, and a field to
 * add one. An address that does not check out is refused with the reason, and nothing changes.
 */
export function ServerList(props: {
  kind: ServerKind;
  title: string;
  /** What the server sees and does, in plain words. */
  children: ReactNode;
  fieldLabel: string;
  placeholder: string;
  empty: string;
}) {
  const { kind } = props;
  const { t } = useTranslation('settings');
  const settings = useSettings();
  const list = settings[kind];
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<UrlProblem | null>(null);
  const headingId = useId();
  const inputId = useId();
  const errorId = useId();

  function add(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = addServer(kind, list, draft);
    if (!result.ok) {
      setError(result);
      return;
    }
    appSettings().setServers(kind, result.list);
    setDraft('');
    setError(null);
  }

  function remove(url: string) {
    appSettings().setServers(
      kind,
      list.filter((item) => item !== url),
    );
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
      {list.length === 0 ? (
        <p className="server-list-empty">{props.empty}</p>
      ) : (
        <ul className="server-list" aria-labelledby={headingId}>
          {list.map((url) => (
            <li key={url}>
              <code>{url}</code>
              <button
                type="button"
                className="small"
                aria-label={t('removeServer', { url })}
                onClick={() => {
                  remove(url);
                }}
              >
                {t('remove', { ns: 'common' })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="server-add" onSubmit={add} noValidate>
        <label htmlFor={inputId}>{props.fieldLabel}</label>
        <div className="server-add-row">
          <input
            id={inputId}
            value={draft}
            placeholder={props.placeholder}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <button type="submit" disabled={draft.trim() === ''}>
            {t('add')}
          </button>
        </div>
        <FieldError id={errorId} message={error ? t(error.key, error.values) : null} />
      </form>
    </section>
  );
}
