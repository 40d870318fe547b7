/**
 * A message as one line of plain text (a reply's quote, a search result): the markdown marks a
 * reader would not see
 * taken out ("**Chapter 3** is `great`" → "Chapter 3 is great"; "[notes](https://…)" → "notes"),
 * lines joined. Approximate on purpose: it is a one-line preview, not a renderer.
 */
export function plainExcerpt(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|$|[.,!?;:])/g, '$1$2')
    .replace(/^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
