import { useEffect, useId, useRef, useState } from 'react';
import { bestEd25519 } from '../../../shared/crypto/ed25519.ts';
import { boxKeyPairFromSecret } from '../../../shared/identity/keys.ts';
import {
  decodeLinkOffer,
  LinkError,
  linkHosts,
  type LinkOffer,
} from '../../../shared/link/code.ts';
import { encodeLinkedGroups } from '../../../shared/link/protocol.ts';
import { requestLink, type PendingLink } from '../../../shared/repo/link.ts';
import { useSession } from '../app/context.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { freshDevice } from '../identity/identity.ts';
import { cryptoKeySigner } from '../identity/signer.ts';
import { signalPubSub } from '../sync/pubsub.ts';

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
      setError(caught instanceof LinkError ? caught.message : 'This code cannot be read.');
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
              setError('Linked, but this device could not save its keys. Try again.');
            });
        }
      });
      const first = link.status();
      if (first.state === 'waiting') setStep({ at: 'asked', check: first.check });
    } catch (caught) {
      console.error('Asking to link failed', caught);
      setError(
        `Could not ask your other device: ${caught instanceof Error ? caught.message : String(caught)}`,
      );
    }
  }

  return (
    <main className="onboarding">
      <div className="card onboarding-card link-this-device">
        <h1>Link to my other device</h1>
        {step.at === 'paste' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              check();
            }}
            noValidate
          >
            <p className="lede">
              On the laptop where you already use Fellows, open Settings → “Link a new device” and
              enter the code it shows.
            </p>
            <label htmlFor={inputId}>Link code</label>
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
                Back
              </button>
              <button type="submit" className="primary">
                Continue
              </button>
            </div>
          </form>
        ) : step.at === 'preview' ? (
          <>
            <p className="lede">
              To reach your other device, Fellows will contact{' '}
              <strong>{linkHosts(step.offer).join(', ')}</strong>. That server sees that two devices
              meet, never your keys or messages.
            </p>
            <FieldError message={error} />
            <div className="form-actions">
              <button
                type="button"
                onClick={() => {
                  setStep({ at: 'paste' });
                }}
              >
                Back
              </button>
              <button type="button" className="primary" onClick={() => void ask(step.offer)}>
                Ask to link
              </button>
            </div>
          </>
        ) : step.at === 'asked' ? (
          <div role="status">
            <p className="lede">
              On your other device, check that it shows these digits, then choose “Link this
              device”:
            </p>
            <p className="check-code" aria-label="Check digits">
              {step.check}
            </p>
            <p className="hint">Keep both laptops open until this one shows your groups.</p>
            <FieldError message={error} />
          </div>
        ) : (
          <>
            <p className="lede" role="status">
              Your other device declined. Make a new code there if you want to link this one.
            </p>
            <div className="form-actions">
              <button
                type="button"
                onClick={() => {
                  setCode('');
                  setStep({ at: 'paste' });
                }}
              >
                Try again
              </button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
