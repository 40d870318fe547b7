import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { EmojiPopover } from '../conversation/EmojiPopover.tsx';
import { ReactIcon } from '../conversation/icons.tsx';

/** From the button to the composer card's top right: the picker opens over the card, at its edge. */
function cardCorner(button: HTMLElement): DOMRect {
  const own = button.getBoundingClientRect();
  const card = button.closest('.compose-row')?.getBoundingClientRect() ?? own;
  return new DOMRect(own.left, card.top, card.right - own.left, own.bottom - card.top);
}

/**
 * The composer's emoji button: opens the emoji picker above it; a chosen emoji goes where the
 * caret was. The picker lives outside the composer's form (a portal), so that Enter in its
 * search field picks an emoji and never sends the message.
 */
export function EmojiButton(props: { onPick: (emoji: string) => void; onClose: () => void }) {
  const { t } = useTranslation('composer');
  const button = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const { onClose } = props;
  const close = useCallback(() => {
    setAnchor(null);
    onClose();
  }, [onClose]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button compose-emoji"
        aria-label={t('emojiButton')}
        title={t('emojiButton')}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(event) => {
          setAnchor(anchor ? null : cardCorner(event.currentTarget));
        }}
      >
        <ReactIcon />
      </button>
      {anchor
        ? createPortal(
            <EmojiPopover
              anchor={anchor}
              label={t('emojiPicker')}
              trigger={button}
              onClose={close}
              onPick={(emoji) => {
                setAnchor(null);
                props.onPick(emoji);
              }}
            />,
            document.body,
          )
        : null}
    </>
  );
}
