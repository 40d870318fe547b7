import { lazy, memo, Suspense } from 'react';
import type { MentionName } from './mentions.ts';
import { isLargeEmoji } from './emoji-only.ts';
import { isPlainText } from './plain-text.ts';

type TextProps = { text: string; names: readonly MentionName[] };

const load = () => import('./MarkdownText.tsx');
const MarkdownText = lazy(load);

/**
 * Starts loading the markdown renderer (a tenth of the app's code) apart from the first
 * screen's; called as the app starts, so it is there by the time messages are.
 */
export function preloadMarkdown(): void {
  load().catch((error: unknown) => {
    console.warn('fellows: the markdown renderer did not load', error);
  });
}

/**
 * A message's text as safe markdown, with members' @mentions highlighted; plain text (most
 * messages) is shown as it is, without running the parser. Until the renderer has loaded,
 * a text that needs it shows as written. A few emoji alone are shown large, as in Signal.
 */
export const MessageText = memo(function MessageText(props: TextProps) {
  if (isLargeEmoji(props.text)) return <PlainMessageText text={props.text} large />;
  if (isPlainText(props.text)) return <PlainMessageText text={props.text} />;
  return (
    <Suspense fallback={<PlainMessageText text={props.text} />}>
      <MarkdownText {...props} />
    </Suspense>
  );
});

/** What markdown makes of a plain text (`isPlainText`): one paragraph of it. */
export function PlainMessageText(props: { text: string; large?: boolean }) {
  return (
    <div className={props.large ? 'message-text large-emoji' : 'message-text'}>
      <p>{props.text}</p>
    </div>
  );
}
