import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeMentions } from './mentions.ts';

const paragraph = (...children: Root['children']): Root => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'p', properties: {}, children: children as never }],
});
const text = (value: string) => ({ type: 'text' as const, value });

/** The tree as a short string: mentions in brackets, "!" for mine. */
function flat(node: Root | Root['children'][number]): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'span') {
    const classes = node.properties.className as string[];
    return `[${node.children.map(flat).join('')}${classes.includes('mention-me') ? '!' : ''}]`;
  }
  if ('children' in node) return node.children.map(flat).join('');
  return '';
}

describe('mentions', () => {
  const names = [
    { name: 'Bo', me: false },
    { name: 'Bo Li', me: true },
    { name: 'Ada', me: false },
  ];
  const run = (tree: Root) => {
    rehypeMentions(names)()(tree);
    return flat(tree);
  };

  it('marks members named with @, the longest name first, mine more strongly', () => {
    expect(run(paragraph(text('hi @Bo Li and @Bo, @Ada!')))).toBe(
      'hi [@Bo Li!] and [@Bo], [@Ada]!',
    );
  });

  it('leaves other words, unknown names, code and links alone', () => {
    expect(run(paragraph(text('@Bob mail bo@Ada.nl @Zed')))).toBe('@Bob mail bo@Ada.nl @Zed');
    expect(run(paragraph(text('你好@Ada，早')))).toBe('你好[@Ada]，早');
    const tree = paragraph({
      type: 'element',
      tagName: 'code',
      properties: {},
      children: [text('@Ada')],
    });
    expect(run(tree)).toBe('@Ada');
  });

  it('names with regex characters are taken literally', () => {
    const tree = paragraph(text('@A.B and @AxB'));
    rehypeMentions([{ name: 'A.B', me: false }])()(tree);
    expect(flat(tree)).toBe('[@A.B] and @AxB');
  });
});
