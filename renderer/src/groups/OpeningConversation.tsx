import { useTranslation } from 'react-i18next';

/**
 * The pane while the group that was open last time opens, when there is no recent window to
 * draw it from (it is saved a moment after a change, so a quick close can leave none): the
 * conversation's frame, not the "Your groups" welcome it would replace a moment later.
 */
export function OpeningConversation() {
  const { t } = useTranslation('home');
  return (
    <main
      className="pane pane-conversation pane-opening"
      id="conversation"
      tabIndex={-1}
      aria-busy="true"
      aria-label={t('openingGroup')}
    >
      <div className="conversation">
        <div className="conversation-header" aria-hidden="true">
          <span className="skeleton-title" />
        </div>
        <p className="sr-only" role="status">
          {t('openingGroup')}
        </p>
      </div>
    </main>
  );
}
