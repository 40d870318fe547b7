import i18next from 'i18next';
import { formatNumber } from '../i18n/format.ts';
import { appSettings } from '../settings/app-settings.ts';
import { levelStore } from './levels.ts';
import { windowTitle } from './message-notification.ts';
import { documentFocused, type AttentionDeps } from './watch.ts';
import { notificationWords } from './words.ts';

/**
 * What `watchForAttention` needs from this window beyond the sync store and the platform:
 * focus, the per-group levels, the privacy setting, the words in the language shown, and the
 * title that carries the unread count (in Electron the window's title follows the page's).
 */
export function windowAttention(): Omit<AttentionDeps, 'subscribe' | 'getSnapshot' | 'platform'> {
  return {
    windowFocused: documentFocused,
    levels: levelStore(),
    preview: () => appSettings().get().notificationPreview,
    words: () => notificationWords(i18next.getFixedT(null, 'notify')),
    showUnread: (count) => {
      document.title = windowTitle(count, (n) => formatNumber(n));
    },
  };
}
