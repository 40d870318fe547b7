import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import MarkdownText from './MarkdownText.tsx';

const render = (text: string) =>
  renderToStaticMarkup(createElement(MarkdownText, { text, names: [] }));
const inner = (text: string) =>
  render(text).replace(/^<div class="message-text"><p>|<\/p><\/div>$/g, '');

describe('MarkdownText in Chinese', () => {
  it('makes bold, italic and strikethrough beside Chinese punctuation, as people write them', () => {
    // Plain CommonMark leaves all of these as asterisks and tildes on screen.
    expect(inner('这个月读**《三体》**，第一部。')).toBe(
      '这个月读<strong>《三体》</strong>，第一部。',
    );
    expect(inner('**该星号会被识别。**这是强调。')).toBe(
      '<strong>该星号会被识别。</strong>这是强调。',
    );
    expect(inner('我*（真的）*想去')).toBe('我<em>（真的）</em>想去');
    expect(inner('周六~~（下午）~~上午见')).toBe('周六<del>（下午）</del>上午见');
  });

  it('keeps what already worked, in any script', () => {
    expect(inner('**粗体**和*斜体*')).toBe('<strong>粗体</strong>和<em>斜体</em>');
    expect(inner('Water the **tomatoes** tonight')).toBe(
      'Water the <strong>tomatoes</strong> tonight',
    );
    expect(inner('~5 min, not ~~10~~')).toBe('~5 min, not <del>10</del>');
    // Between Latin words and punctuation, CommonMark's rules are unchanged.
    expect(inner('a**"b"**c')).toBe('a**&quot;b&quot;**c');
    expect(inner('snake_case_name')).toBe('snake_case_name');
  });
});
