import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const COPIED_MS = 2000;

/**
 * Copies `text` and says "Copied" on the button for a moment (announced politely); when the
 * clipboard refuses, `onError` gets words telling the person to copy it by hand.
 */
export function CopyButton(props: {
  text: string;
  label: string;
  className?: string;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation('common');
  const [copied, setCopied] = useState(false);
  const { onError } = props;

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => {
      setCopied(false);
    }, COPIED_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);

  return (
    <>
      <button
        type="button"
        className={`copy-button${copied ? ' copied' : ''}${props.className ? ` ${props.className}` : ''}`}
        onClick={() => {
          navigator.clipboard.writeText(props.text).then(
            () => {
              onError(null);
              setCopied(true);
            },
            (error: unknown) => {
              console.warn('Copying to the clipboard failed', error);
              onError(t('copyFailed'));
            },
          );
        }}
      >
        {/* Both labels take the same cell, so the button keeps its width when it says Copied. */}
        <span className="copy-idle">{props.label}</span>
        <span className="copy-done">{t('copied')}</span>
      </button>
      <span className="sr-only" aria-live="polite">
        {copied ? t('copied') : ''}
      </span>
    </>
  );
}
