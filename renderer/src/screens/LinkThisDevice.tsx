import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { bestEd25519 } from '../../../shared/crypto/ed25519.ts';
import { boxKeyPairFromSecret } from '../../../shared/identity/keys.ts';
import {
  decodeLinkOffer,
  LinkError,
  linkHosts,
  type LinkErrorReason,
  type LinkOffer,
} from '../../../shared/link/code.ts';
import { encodeLinkedGroups } from '../../../shared/link/protocol.ts';
import { requestLink, type PendingLink } from '../../../shared/repo/link.ts';
import { useSession } from '../app/context.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { freshDevice } from '../identity/identity.ts';
import { cryptoKeySigner } from '../identity/signer.ts';
import { signalPubSub } from '../sync/pubsub.ts';

/** The words for each reason a link code cannot be used. */
const LINK_ERRORS = {
  empty: 'linkEmpty',
  'not-a-link-code': 'linkNotACode',
  damaged: 'linkDamaged',
  'unsupported-version': 'linkNewer',
  'bad-signaling-url': 'linkBadServer',
  expired: 'linkExpired',
} as const satisfies Record<LinkErrorReason, string>;

/** Ask again this often while the other device has not answered (pub/sub keeps no history). */
const RETRY_MS = 3000;

type Step =
  | { at: 'paste' }
  | { at: 'preview'; offer: LinkOffer }
  | { at: 'asked'; check: string }
  | { at: 'declined' };

/**
 * First run on a new laptop of someone who already uses Fellows: they enter the code their
 * other device shows, compare six digits, and approve there. This device then becomes theirs
 * in every group, with the history their groups allow.
 */
export function LinkThisDevice(props: { onBack: () => void }) {
  const session = useSession();
  const { t } = useTranslation('onboarding');
  const { t: common } = useTranslation('common');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>({ at: 'paste' });
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ link: PendingLink; stop: () => void } | null>(null);
  const inputId = useId();

  useEffect(() => () => pending.current?.stop(), []);

  function check() {
    setError(null);
    try {
      setStep({ at: 'preview', offer: decodeLinkOffer(code, Date.now()) });
    } catch (caught) {
      setError(t(caught instanceof LinkError ? LINK_ERRORS[caught.reason] : 'linkDamaged'));
    }
  }

  async function ask(offer: LinkOffer) {
    setError(null);
    try {
      const device = await freshDevice();
      const box = boxKeyPairFromSecret(device.boxSecret);
      const pubsub = signalPubSub();
      const link = await requestLink({
        ed: await bestEd25519(crypto),
        offer,
        device: cryptoKeySigner(device.publicKey, device.pair.privateKey),
        box,
        network: pubsub,
        now: () => Date.now(),
        random: (length) => crypto.getRandomValues(new Uint8Array(length)),
      });
      const retry = setInterval(() => {
        link.retry();
      }, RETRY_MS);
      const stop = () => {
        clearInterval(retry);
        link.cancel();
        pubsub.close();
      };
      pending.current = { link, stop };
      link.on((status) => {
        if (status.state === 'declined') {
          stop();
          setStep({ at: 'declined' });
        } else if (status.state === 'linked') {
          stop();
          const { package: pkg } = status;
          session
            .linkProfile(device, {
              personSeed: pkg.personSeed,
              certificate: pkg.certificate,
              name: pkg.name,
              groups: encodeLinkedGroups(pkg.groups),
            })
            .catch((caught: unknown) => {
              console.error('Saving the linked profile failed', caught);
              setError(t('linkSaveFailed'));
            });
        }
      });
      const first = link.status();
      if (first.state === 'waiting') setStep({ at: 'asked', check: first.check });
    } catch (caught) {
      console.error('Asking to link failed', caught);
      setError(
        t('linkAskFailed', {
          message: caught instanceof Error ? caught.message : String(caught),
        }),
      );
    }
  }

  return (
    <main className="onboarding">
      <div className="card onboarding-card link-this-device">
        <h1>{t('linkDevice')}</h1>
        {step.at === 'paste' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              check();
            }}
            noValidate
          >
            <p className="lede">{t('linkInstructions')}</p>
            <label htmlFor={inputId}>{t('linkCodeLabel')}</label>
            <textarea
              id={inputId}
              rows={3}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
              }}
            />
            <FieldError message={error} />
            <div className="form-actions">
              <button type="button" onClick={props.onBack}>
                {common('back')}
              </button>
              <button type="submit" className="primary">
                {common('continue')}
              </button>
            </div>
          </form>
        ) : step.at === 'preview' ? (
          <>
            <p className="lede">
              <Trans
                t={t}
                i18nKey="linkContact"
                values={{ hosts: linkHosts(step.offer).join(', ') }}
                components={{ b: <strong /> }}
              />
            </p>
            <FieldError message={error} />
            <div className="form-actions">
              <button
                type="button"
                onClick={() => {
                  setStep({ at: 'paste' });
                }}
              >
                {common('back')}
              </button>
              <button type="button" className="primary" onClick={() => void ask(step.offer)}>
                {t('askToLink')}
              </button>
            </div>
          </>
        ) : step.at === 'asked' ? (
          <div role="status">
            <p className="lede">{t('checkDigitsIntro')}</p>
            <p className="check-code" role="group" aria-label={t('checkDigits')}>
              {step.check}
            </p>
            <p className="hint">{t('keepOpen')}</p>
            <FieldError message={error} />
          </div>
        ) : (
          <>
            <p className="lede" role="status">
              {t('declined')}
            </p>
            <div className="form-actions">
              <button
                type="button"
                onClick={() => {
                  setCode('');
                  setStep({ at: 'paste' });
                }}
              >
                {common('retry')}
              </button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
