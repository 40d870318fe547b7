// Loaded apart from the app's first code (MessageText.tsx): plain messages never need it.
import { useMemo, type MouseEvent, type ReactNode } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/parseOnly';
import remarkGfm from 'remark-gfm';
import { useTranslation } from 'react-i18next';
import { useMessageActions, webUrl } from './actions.ts';
import { rehypeMentions, type MentionName } from './mentions.ts';

/**
 * The markdown a message may use. No raw HTML (skipped, never parsed into elements); headings,
 * tables, rules and the like are unwrapped to their text; images are shown as links.
 */
const ALLOWED = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'a',
  'img',
  'ul',
  'ol',
  'li',
  'blockquote',
  'span',
];

// "~5 min" stays text: strikethrough needs two tildes. Chinese text takes emphasis where people
// write it: CommonMark reads "读**《三体》**了" as plain asterisks (a mark beside CJK punctuation
// must have a space or punctuation outside it); the CJK-friendly rules read it as bold.
const remarkPlugins: Options['remarkPlugins'] = [
  [remarkGfm, { singleTilde: false }],
  remarkCjkFriendly,
  [remarkCjkFriendlyStrikethrough, { singleTilde: false }],
];

/** A link that opens in the system browser (http and https only); anything else is text. */
function ExternalLink(props: { href: string | undefined; children: ReactNode }) {
  const actions = useMessageActions();
  const url = webUrl(props.href);
  if (!url) return <span className="link-text">{props.children}</span>;
  const open = (event: MouseEvent) => {
    event.preventDefault();
    actions.openLink(url);
  };
  return (
    <a href={url} title={url} rel="noopener noreferrer" onClick={open} onAuxClick={open}>
      {props.children}
    </a>
  );
}

function ImageLink(props: { src?: string | Blob | undefined; alt?: string | undefined }) {
  const { t } = useTranslation('conversation');
  const src = typeof props.src === 'string' ? props.src : undefined;
  return (
    <ExternalLink href={src}>{t('image', { label: props.alt?.trim() || src || '' })}</ExternalLink>
  );
}

const components: Components = {
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
  img: ({ src, alt }) => <ImageLink src={src} alt={alt} />,
};

/** A message's text through the markdown renderer, whatever it holds. */
export default function MarkdownText(props: { text: string; names: readonly MentionName[] }) {
  const { names } = props;
  const rehypePlugins = useMemo(() => [rehypeMentions(names)], [names]);
  return (
    <div className="message-text">
      <Markdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        allowedElements={ALLOWED}
        unwrapDisallowed
        skipHtml
        components={components}
      >
        {props.text}
      </Markdown>
    </div>
  );
}
