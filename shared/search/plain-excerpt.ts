const ESCAPABLE = '\\`*_{}[]()#+-.!~>|';
// Escaped characters wait in the Private Use Area while markers are removed.
const HOLD = 0xe000;

/**
 * A message as one line of plain text (the sidebar's preview, a reply's quote, a search
 * result): the markdown markers of the subset the conversation renders (bold, italic, strike,
 * code, links, headings, quotes, lists) removed, their words kept, line breaks folded to
 * spaces. Approximate on purpose: it is a one-line preview, not a renderer.
 */
export function plainExcerpt(text: string): string {
  const held = text.replace(/\\(.)/gu, (whole, char: string) => {
    const index = ESCAPABLE.indexOf(char);
    return index < 0 ? whole : String.fromCharCode(HOLD + index);
  });
  const plain = held
    .replace(/```[^\n]*\n?([\s\S]*?)(?:```|$)/gu, ' $1 ')
    .replace(/`([^`\n]+)`/gu, '$1')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/gu, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gmu, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, '$1')
    .replace(/\*(?=\S)([^*]*?\S)\*/gu, '$1')
    // Underscores inside words (snake_case) are not emphasis.
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/\s+/gu, ' ')
    .trim();
  return plain.replace(/[\ue000-\ue0ff]/gu, (char) => ESCAPABLE.charAt(char.charCodeAt(0) - HOLD));
}
