import { usePlatform } from '../app/context.tsx';
import { useAsync } from '../app/useAsync.ts';

/**
 * "Keys on this device": where this device keeps the keys that open its messages, and how
 * well that place protects them — in plain words, including Linux's fixed-password
 * fallback when there is no keyring (docs/security.md, "Secrets at rest").
 */
export function KeysSection() {
  const platform = usePlatform();
  const status = useAsync(() => platform.vault.status(), [platform]);

  return (
    <section className="settings-section keys-section" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keys on this device</h2>
      {platform.host === 'web' ? (
        <p className="hint">
          In a browser, Fellows keeps your keys in this browser profile: they are as safe as the
          profile and the disk it is on.
        </p>
      ) : status === undefined ? null : status.protectedAtRest ? (
        <p className="hint">{status.explanation}</p>
      ) : (
        <>
          <p className="hint">
            Your keys open your messages on this device. Fellows asks your system to lock them away,
            so that someone who copies your files cannot use them.
          </p>
          <p className="notice notice-warn keys-warning" role="note">
            {status.explanation}
          </p>
        </>
      )}
    </section>
  );
}
