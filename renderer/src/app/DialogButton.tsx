import { useState, type ReactNode } from 'react';

/** A button that opens a dialog; `dialog` draws it, with the function that closes it. */
export function DialogButton(props: {
  children: ReactNode;
  className?: string;
  dialog: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'small'}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
        }}
      >
        {props.children}
      </button>
      {open
        ? props.dialog(() => {
            setOpen(false);
          })
        : null}
    </>
  );
}
