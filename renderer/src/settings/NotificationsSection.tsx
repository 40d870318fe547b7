import { useTranslation } from 'react-i18next';
import { notificationText } from '../attention/message-notification.ts';
import {
  NotificationAccessNote,
  useNotificationAccess,
} from '../attention/NotificationAccessNote.tsx';
import { notificationWords } from '../attention/words.ts';
import { appSettings, useSettings } from './app-settings.ts';
import { RadioChoice } from './RadioChoice.tsx';
import type { NotificationPreview } from './settings.ts';

/**
 * What a notification may show, with a sample of exactly that, and whether the browser lets
 * Fellows show any. Picking a setting is the moment a browser is asked, if it has not been.
 */
export function NotificationsSection() {
  const { t } = useTranslation('settings');
  const { t: notify } = useTranslation('notify');
  const { notificationPreview } = useSettings();
  const [access, request] = useNotificationAccess();
  const sample = notificationText(
    { group: t('sampleGroup'), sender: t('sampleSender'), text: t('sampleText') },
    false,
    notificationPreview,
    notificationWords(notify),
  );
  return (
    <section className="settings-section settings-pref" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('notificationsHeading')}</h2>
      <p className="hint">{t('notificationsIntro')}</p>
      <div className="notification-choice">
        <RadioChoice<NotificationPreview>
          legend={t('previewLegend')}
          value={notificationPreview}
          options={[
            {
              value: 'sender-and-text',
              label: t('previewSenderAndText'),
              hint: t('previewSenderAndTextHint'),
            },
            { value: 'sender', label: t('previewSender'), hint: t('previewSenderHint') },
            { value: 'nothing', label: t('previewNothing'), hint: t('previewNothingHint') },
          ]}
          onChange={(value) => {
            appSettings().setPreference('notificationPreview', value);
            if (access === 'ask') void request();
          }}
        />
        <figure className="notification-sample" aria-label={t('previewExample')}>
          <figcaption>{t('previewExample')}</figcaption>
          <div className="notification-sample-card">
            <span className="notification-sample-title">{sample.title}</span>
            <span className="notification-sample-body">{sample.body}</span>
          </div>
        </figure>
      </div>
      <NotificationAccessNote
        access={access}
        onAsk={() => {
          void request();
        }}
      />
    </section>
  );
}
