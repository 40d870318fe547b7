import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../app/context.tsx';
import type { NotificationAccess } from '../platform/types.ts';

/**
 * Whether this host may show notifications, and the way to ask: the browser is asked only
 * through `request`, called from a click. Read again when the window comes back into view
 * (the person may have changed it in the browser's site settings meanwhile).
 */
export function useNotificationAccess(): [NotificationAccess, () => Promise<NotificationAccess>] {
  const platform = usePlatform();
  const [access, setAccess] = useState(() => platform.notificationAccess());
  useEffect(() => {
    const reread = () => {
      setAccess(platform.notificationAccess());
    };
    document.addEventListener('visibilitychange', reread);
    window.addEventListener('focus', reread);
    return () => {
      document.removeEventListener('visibilitychange', reread);
      window.removeEventListener('focus', reread);
    };
  }, [platform]);
  const request = useCallback(async () => {
    const answer = await platform.requestNotificationAccess();
    setAccess(answer);
    return answer;
  }, [platform]);
  return [access, request];
}

/**
 * One line on whether notifications can appear at all (`access` from useNotificationAccess):
 * in a browser, a button that asks for permission until the person has answered, and plain
 * words when the browser blocks them.
 */
export function NotificationAccessNote(props: { access: NotificationAccess; onAsk: () => void }) {
  const { t } = useTranslation('settings');
  const platform = usePlatform();
  const { access } = props;
  if (platform.host === 'electron') return <p className="hint">{t('accessDesktop')}</p>;
  switch (access) {
    case 'granted':
      return <p className="hint access-note access-granted">{t('accessGranted')}</p>;
    case 'unsupported':
      return <p className="notice notice-info access-note">{t('accessUnsupported')}</p>;
    case 'denied':
      return <p className="notice notice-warn access-note">{t('accessDenied')}</p>;
    case 'ask':
      return (
        <div className="access-ask">
          <p className="hint">{t('accessDefault')}</p>
          <button type="button" className="small" onClick={props.onAsk}>
            {t('accessAllow')}
          </button>
        </div>
      );
  }
}
