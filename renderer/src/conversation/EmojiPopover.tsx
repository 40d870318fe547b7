import { lazy, Suspense, useEffect, useRef, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { forInputMethod } from '../app/input-method.ts';
import { emojiLocale } from './emoji-support.ts';

const EmojiPicker = lazy(() => import('./EmojiPicker.tsx'));

const WIDTH = 336;
const HEIGHT = 380;
const GAP = 6;

/** Below the button if it fits, else above; kept inside the window. */
function placeNear(anchor: DOMRect): CSSProperties {
  const below = anchor.bottom + GAP + HEIGHT <= window.innerHeight;
  const top = below ? anchor.bottom + GAP : Math.max(8, anchor.top - GAP - HEIGHT);
  const left = Math.min(Math.max(8, anchor.right - WIDTH), window.innerWidth - WIDTH - 8);
  return { top, left, width: WIDTH, height: HEIGHT };
}

/**
 * The emoji picker in a small popover next to the button that opened it (a message's react
 * button, or the composer's). Esc or a click outside closes it; choosing an emoji reports it
 * (the owner closes it then).
 */
export function EmojiPopover(props: {
  anchor: DOMRect;
  /** What the popover is for, as a screen reader names it. */
  label: string;
  /** The button that opened it: a press on it is not "outside" (the button closes it itself). */
  trigger?: RefObject<HTMLElement | null>;
  onPick: (emoji: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('conversation');
  const ref = useRef<HTMLDivElement>(null);
  const { onClose, trigger } = props;
  useEffect(() => {
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || ref.current?.contains(event.target)) return;
      if (!trigger?.current?.contains(event.target)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
    };
  }, [onClose, trigger]);
  return (
    <div
      ref={ref}
      className="emoji-popover"
      role="dialog"
      aria-label={props.label}
      style={placeNear(props.anchor)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !forInputMethod(event)) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <Suspense fallback={<p className="emoji-picker-status">{t('pickerLoading')}</p>}>
        <EmojiPicker
          locale={emojiLocale()}
          labels={{
            search: t('pickerSearch'),
            loading: t('pickerLoading'),
            empty: t('pickerEmpty'),
            hint: t('pickerHint'),
            skinTone: t('skinTone'),
            tones: {
              none: t('toneNone'),
              light: t('toneLight'),
              'medium-light': t('toneMediumLight'),
              medium: t('toneMedium'),
              'medium-dark': t('toneMediumDark'),
              dark: t('toneDark'),
            },
          }}
          onPick={props.onPick}
        />
      </Suspense>
    </div>
  );
}
