import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../shared/ipc/contract.ts';
import { usePlatform } from '../app/context.tsx';
import { useAsync } from '../app/useAsync.ts';

/** The "settings" key that says, in the language shown, how a vault backend keeps the keys. */
const BACKEND_TEXT = {
  basic_text: 'vaultBasicText',
  unknown: 'vaultUnknown',
  gnome_libsecret: 'vaultLibsecret',
  kwallet: 'vaultKwallet',
  kwallet5: 'vaultKwallet',
  kwallet6: 'vaultKwallet',
  keychain: 'vaultKeychain',
  dpapi: 'vaultDpapi',
} as const;

function backendKey(status: VaultStatus) {
  if (!status.available) return 'vaultUnavailable';
  return Object.hasOwn(BACKEND_TEXT, status.backend)
    ? BACKEND_TEXT[status.backend as keyof typeof BACKEND_TEXT]
    : null;
}

/**
 * "Keys on this device": where this device keeps the keys that open its messages, and how
 * well that place protects them — in plain words, including Linux's fixed-password
 * fallback when there is no keyring (docs/security.md, "Secrets at rest").
 */
export function KeysSection() {
  const { t } = useTranslation('settings');
  const platform = usePlatform();
  const status = useAsync(() => platform.vault.status(), [platform]);
  // A backend this version does not know keeps main's own (English) words.
  const explanation = status ? (backendKey(status) ?? null) : null;
  const explain = (s: VaultStatus) => (explanation ? t(explanation) : s.explanation);

  return (
    <section className="settings-section keys-section" aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keysHeading')}</h2>
      {platform.host === 'web' ? (
        <p className="hint">{t('keysWeb')}</p>
      ) : status === undefined ? null : status.protectedAtRest ? (
        <p className="hint">{explain(status)}</p>
      ) : (
        <>
          <p className="hint">{t('keysIntro')}</p>
          <p className="notice notice-warn keys-warning" role="note">
            {explain(status)}
          </p>
        </>
      )}
    </section>
  );
}
