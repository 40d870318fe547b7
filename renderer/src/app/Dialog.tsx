import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

/**
 * A modal dialog on the native `<dialog>`: the page behind it is inert, Esc asks the owner to
 * close it (the owner decides: a form may keep what was typed), the element marked
 * `data-autofocus` (else the first control) gets focus on open, and focus goes back to where
 * it was when the dialog goes away.
 */
export function Dialog(props: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;
  // The owner's latest onClose, for the native events (which outlive a render).
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement;
    let leaving = false;
    // The browser may close it by itself (a second Esc in a row cannot be refused).
    const onNativeClose = () => {
      if (!leaving) close.current();
    };
    dialog.addEventListener('close', onNativeClose);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      leaving = true;
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
