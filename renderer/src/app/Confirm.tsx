import { useTranslation } from 'react-i18next';

/** A second click for a change that cannot be undone, saying first what it will do. */
export function Confirm(props: {
  title: string;
  detail: string;
  confirmLabel: string;
  /** Red: it removes or deletes something. */
  danger: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <div className="confirm" role="alertdialog" aria-label={props.title}>
      <p className="confirm-title">{props.title}</p>
      <p className="hint">{props.detail}</p>
      <div className="form-actions">
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className={props.danger ? 'primary danger' : 'primary'}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </div>
  );
}
