import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import MarkdownText from './MarkdownText.tsx';
import { PlainMessageText } from './MessageText.tsx';
import { isPlainText } from './plain-text.ts';

const names = [{ name: 'Ada', me: false }];
const viaMarkdown = (text: string) =>
  renderToStaticMarkup(createElement(MarkdownText, { text, names }));
const viaPlain = (text: string) => renderToStaticMarkup(createElement(PlainMessageText, { text }));

describe('isPlainText', () => {
  it('takes ordinary sentences in any script', () => {
    for (const text of [
      'see you at 5, ok?',
      'Dag! Tot morgen.',
      '明天见 🙂',
      '(really) "yes" - 50% off',
    ])
      expect(isPlainText(text), text).toBe(true);
  });

  it('leaves anything markdown could touch to the markdown renderer', () => {
    for (const text of [
      '**bold**',
      '- item',
      '1. first',
      '> quoted',
      'see https://example.org',
      'www.example.org',
      'a@b.nl',
      'hi @Ada',
      'fish &amp; chips',
      'two\nlines',
      '    code',
      'x ',
      '',
    ])
      expect(isPlainText(text), text).toBe(false);
  });

  it('renders exactly what markdown renders, for every text it takes', () => {
    const char = fc.constantFrom(
      ...'ab Z9.,;!?()"\'%$-+=/*_`~[]<>#|&:@\\\n\t1)明🙂wW'.split(''),
      ' ',
      'www.',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        if (isPlainText(text)) expect(viaPlain(text)).toBe(viaMarkdown(text));
      }),
      { numRuns: 2000 },
    );
  });
});
