import { useTranslation } from 'react-i18next';
import type { ComposeIntent } from '../conversation/intent.ts';

/** The first line of a message, for a one-line quote (CSS cuts it to the width). */
function excerpt(text: string): string {
  return text.trim().split('\n', 1)[0] ?? '';
}

/** Above the composer while replying or editing: what, to what, and a way out. */
export function IntentBanner(props: { id: string; intent: ComposeIntent; onCancel: () => void }) {
  const { t } = useTranslation('composer');
  const { kind, message } = props.intent;
  const title =
    kind === 'edit'
      ? t('editing')
      : message.mine
        ? t('replyingToSelf')
        : t('replyingTo', { name: message.author.name });
  return (
    <div className={`compose-banner compose-banner-${kind}`}>
      <span className="compose-banner-icon" aria-hidden="true">
        {kind === 'edit' ? <PencilIcon /> : <ReplyIcon />}
      </span>
      <p className="compose-banner-text" id={props.id}>
        <span className="compose-banner-title">{title}</span>
        <span className="compose-banner-quote">
          {message.deleted ? t('quotedDeleted') : excerpt(message.text)}
        </span>
      </p>
      {kind === 'edit' ? (
        <>
          <span className="compose-banner-hint">{t('editHint')}</span>
          <button type="button" className="small" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="icon-button compose-banner-close"
          aria-label={t('cancelReply')}
          onClick={props.onCancel}
        >
          <CloseIcon />
        </button>
      )}
    </div>
  );
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

function ReplyIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" {...stroke}>
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </svg>
  );
}

function PencilIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" {...stroke}>
      <path d="M17 3a2.85 2.85 0 0 1 4 4L7.5 20.5 2 22l1.5-5.5Z" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" {...stroke}>
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  );
}
