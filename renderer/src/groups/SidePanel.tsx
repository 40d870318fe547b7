import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './side-panel.css';
import { forInputMethod } from '../app/input-method.ts';

/**
 * A panel at the conversation's right edge (members), under its header and beside the
 * messages: a region named by its heading, which takes focus when it opens; Esc or the ×
 * closes it and focus goes back to where it was.
 */
export function SidePanel(props: {
  title: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const { onClose } = props;

  // Below the conversation's header, however tall it is (it wraps in a narrow window).
  useLayoutEffect(() => {
    const conversation = panel.current?.parentElement;
    const header = conversation?.querySelector<HTMLElement>(':scope > .conversation-header');
    if (!conversation || !header) return;
    const place = () => {
      conversation.style.setProperty('--side-panel-top', `${header.offsetHeight}px`);
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(header);
    return () => {
      observer.disconnect();
      conversation.style.removeProperty('--side-panel-top');
    };
  }, []);

  useEffect(() => {
    const before = document.activeElement;
    heading.current?.focus();
    return () => {
      // Focus was in the panel and went with it: back to what had it before (the button
      // that opened the panel), if that is still there. Focus elsewhere stays where it is.
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  return (
    <section
      ref={panel}
      className={`side-panel${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented || forInputMethod(event)) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="side-panel-header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {props.title}
        </h2>
        <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M6 6l12 12M18 6L6 18"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </header>
      <div className="side-panel-body">{props.children}</div>
    </section>
  );
}
