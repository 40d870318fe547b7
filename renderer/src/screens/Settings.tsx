import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirm } from '../app/Confirm.tsx';
import { requestErase } from '../app/erase.ts';
import { useSettings } from '../settings/app-settings.ts';
import { ServerList } from '../settings/ServerList.tsx';
import { KeysSection } from '../settings/KeysSection.tsx';
import { LinkDeviceSection } from '../settings/LinkDeviceSection.tsx';
import { AppearanceSection, LanguageSection } from '../settings/AppearanceSection.tsx';
import { NotificationsSection } from '../settings/NotificationsSection.tsx';
import { KeyboardSection } from '../settings/KeyboardSection.tsx';
import { stunServersInUse } from '../sync/client.ts';
import '../settings/settings.css';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((url, i) => url === b[i]);
}

/**
 * This device's settings: how Fellows looks and speaks, what its notifications show, and the
 * only servers it contacts — the ones listed here and the ones each group names (README,
 * "What Fellows promises"). Every choice applies at once.
 */
export function Settings(props: { onClose: () => void }) {
  const { t } = useTranslation('settings');
  const { t: common } = useTranslation('common');
  const settings = useSettings();
  const inUse = stunServersInUse();
  const stunPending = inUse !== null && !sameList(inUse, settings.stun);

  return (
    <div className="settings">
      <header className="settings-header">
        <h1 id="settings-heading">{t('title')}</h1>
        <button type="button" className="small" onClick={props.onClose}>
          {common('close')}
        </button>
      </header>

      <AppearanceSection />
      <LanguageSection />
      <NotificationsSection />
      <KeyboardSection />

      <h2 className="settings-group-title">{t('networkHeading')}</h2>
      <p className="lede settings-group-lede">{t('lede')}</p>
      <ServerList
        kind="signaling"
        title={t('signalingTitle')}
        fieldLabel={t('signalingField')}
        placeholder="wss://signal.example.org"
        empty={t('signalingEmpty')}
      >
        <p className="hint">{t('signalingHint')}</p>
        <p className="hint">{t('signalingHintGroups')}</p>
      </ServerList>

      <ServerList
        kind="stun"
        title={t('stunTitle')}
        fieldLabel={t('stunField')}
        placeholder="stun:stun.example.org:3478"
        empty={t('stunEmpty')}
      >
        <p className="hint">{t('stunHint')}</p>
        <p className="hint">{t('stunHintRestart')}</p>
      </ServerList>
      {stunPending ? (
        <div className="notice notice-info settings-restart" role="status">
          <span>{t('stunPending')}</span>
          <button
            type="button"
            className="small"
            onClick={() => {
              window.location.reload();
            }}
          >
            {t('restartNow')}
          </button>
        </div>
      ) : null}
      <LinkDeviceSection />
      <KeysSection />
      <EraseSection />
    </div>
  );
}

/** Deleting everything Fellows keeps on this device, after saying what that means. */
function EraseSection() {
  const { t } = useTranslation('settings');
  const [asking, setAsking] = useState(false);
  return (
    <section className="settings-section erase-section" aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t('eraseHeading')}</h2>
      <p className="hint">{t('eraseHint')}</p>
      {asking ? (
        <Confirm
          title={t('eraseTitle')}
          detail={t('eraseDetail')}
          confirmLabel={t('eraseConfirm')}
          danger
          busy={false}
          onCancel={() => {
            setAsking(false);
          }}
          onConfirm={() => {
            requestErase({
              sessionStorage: window.sessionStorage,
              reload: () => {
                window.location.reload();
              },
            });
          }}
        />
      ) : (
        <button
          type="button"
          className="danger"
          onClick={() => {
            setAsking(true);
          }}
        >
          {t('eraseButton')}
        </button>
      )}
    </section>
  );
}
