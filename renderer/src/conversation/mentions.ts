import type { Element, ElementContent, Root, RootContent } from 'hast';

/** A name that can be mentioned, and whether it is this person's own. */
export type MentionName = { name: string; me: boolean };

// Inside these a "@Name" is code or a link's text, not a mention.
const SKIP = new Set(['code', 'pre', 'a']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A rehype plugin that wraps each `@Name` of a current member in
 * `<span class="mention">` (`mention mention-me` for this person's own name), longest name
 * first, and only where the name ends ("@Bo" is not found in "@Bob") and not inside a word
 * or an e-mail address ("bo@Ada.nl"; Chinese text may run straight into "@"). Runs on the
 * HTML tree, after markdown: code and links are left alone.
 */
export function rehypeMentions(names: readonly MentionName[]) {
  const usable = names.filter((n) => n.name.trim() !== '');
  const sorted = [...usable].sort((a, b) => b.name.length - a.name.length);
  const pattern =
    sorted.length === 0
      ? null
      : new RegExp(
          `(?<![A-Za-z0-9_.+-])@(${sorted.map((n) => escape(n.name)).join('|')})(?![\\p{L}\\p{N}_])`,
          'gu',
        );
  const mine = new Set(usable.filter((n) => n.me).map((n) => n.name));
  return () => (tree: Root) => {
    if (pattern) visit(tree, pattern, mine);
  };
}

function visit(parent: Root | Element, pattern: RegExp, mine: ReadonlySet<string>): void {
  const out: RootContent[] = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (!SKIP.has(child.tagName)) visit(child, pattern, mine);
      out.push(child);
    } else if (child.type === 'text') {
      const parts = split(child.value, pattern, mine);
      if (parts.length !== 1 || parts[0]?.type !== 'text') changed = true;
      out.push(...parts);
    } else {
      out.push(child);
    }
  }
  if (changed) parent.children = out;
}

function split(text: string, pattern: RegExp, mine: ReadonlySet<string>): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    if (at > last) parts.push({ type: 'text', value: text.slice(last, at) });
    const name = match[1] ?? '';
    parts.push({
      type: 'element',
      tagName: 'span',
      properties: { className: mine.has(name) ? ['mention', 'mention-me'] : ['mention'] },
      children: [{ type: 'text', value: match[0] }],
    });
    last = at + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value: text }];
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}
