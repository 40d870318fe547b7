/**
 * Characters and openings that can make markdown (or GFM's autolinks, entities and mentions)
 * of a line; a text with none of them renders as one paragraph of itself.
 */
const SYNTAX = /[\\`*_~[\]<>#|&:@\n\r\t]|www\.|^[\s\-+=]|^\d+[.)]|\s$/i;

/**
 * True when `text` is a single paragraph of plain words, which the markdown renderer would turn
 * into `<p>{text}</p>` and nothing else: most messages, shown without parsing them (parsing is
 * most of what rendering a message costs, docs/benchmarks.md, UI). Conservative: a false only
 * means the text takes the markdown path.
 */
export function isPlainText(text: string): boolean {
  return text.length > 0 && !SYNTAX.test(text);
}
