import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { ArrowDownIcon } from './icons.tsx';

/**
 * What floats over the message list: the jump to the latest (with how many new messages are
 * below), a failure to show, and what screen readers are told (new messages from others,
 * "Copied").
 */
export function ListOverlay(props: {
  /** Scrolled away from the bottom: offer the way back. */
  showJump: boolean;
  newCount: number;
  onJump: () => void;
  error: string | null;
  onDismiss: () => void;
  /** Lines for the polite live region ("Bo: text"). */
  announce: string;
  status: string | null;
}) {
  const { t } = useTranslation('conversation');
  const { newCount } = props;
  return (
    <>
      {props.showJump ? (
        <button type="button" className="jump-latest" onClick={props.onJump}>
          <ArrowDownIcon />
          {newCount > 0
            ? t('newMessages', { count: newCount, formatted: formatNumber(newCount) })
            : t('jumpToLatest')}
        </button>
      ) : null}
      {props.error ? (
        <div className="message-list-error" role="alert">
          <span>{props.error}</span>
          <button type="button" className="small" onClick={props.onDismiss}>
            {t('dismiss')}
          </button>
        </div>
      ) : null}
      <div className="sr-only" aria-live="polite">
        {props.announce}
      </div>
      <div className="sr-only" role="status">
        {props.status}
      </div>
      {props.status ? (
        <p className="message-list-toast" aria-hidden="true">
          {props.status}
        </p>
      ) : null}
    </>
  );
}
