import type { TFunction } from 'i18next';
import type { NotificationWords } from './message-notification.ts';

/** A notification's words from the "notify" namespace, in the language `t` speaks. */
export function notificationWords(t: TFunction<'notify'>): NotificationWords {
  return {
    newMessage: t('newMessage'),
    newMessageFrom: (name) => t('newMessageFrom', { name }),
    mentionedBy: (name) => t('mentionedBy', { name }),
    someone: t('someone'),
  };
}
