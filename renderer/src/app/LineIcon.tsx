import type { ReactNode } from 'react';

/** A small line icon (24×24 drawing), in the text colour, hidden from screen readers. */
export function LineIcon(props: { children: ReactNode; className?: string; size?: number }) {
  const size = props.size ?? 18;
  return (
    <svg
      className={props.className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {props.children}
    </svg>
  );
}
