import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  contextMenuTemplate,
  installContextMenu,
  MAX_SUGGESTIONS,
  type ContextMenuContents,
  type MenuParams,
} from './context-menu.ts';

type Item = MenuItemConstructorOptions;

// The real web contents must fit what the installer wires (checked by the compiler).
export const realContentsFit = (contents: WebContents): ContextMenuContents => contents;

const allowAll = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

/** Right-click params: in the composer by default, nothing selected, nothing misspelled. */
function params(more: Partial<MenuParams> = {}): MenuParams {
  return {
    x: 12,
    y: 34,
    isEditable: true,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    editFlags: allowAll,
    ...more,
  };
}

const actions = () => ({
  replaceMisspelling: vi.fn(),
  addToDictionary: vi.fn(),
  inspectElement: vi.fn(),
});

/** The menu as the person reads it: roles, labels, and `---` for separators. */
const shown = (template: Item[]) =>
  template.map((item) => (item.type === 'separator' ? '---' : (item.role ?? item.label)));

const click = (item: Item | undefined) => {
  (item!.click as () => void)();
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('contextMenuTemplate', () => {
  it('offers cut, copy, paste and select all in the composer', () => {
    expect(shown(contextMenuTemplate(params(), actions()))).toEqual([
      'cut',
      'copy',
      'paste',
      '---',
      'selectAll',
    ]);
  });

  it('greys out what the field cannot do', () => {
    const template = contextMenuTemplate(
      params({ editFlags: { ...allowAll, canCut: false, canCopy: false } }),
      actions(),
    );
    expect(template.find((i) => i.role === 'cut')!.enabled).toBe(false);
    expect(template.find((i) => i.role === 'copy')!.enabled).toBe(false);
    expect(template.find((i) => i.role === 'paste')!.enabled).toBe(true);
  });

  it('offers copy over selected message text, and no cut or paste', () => {
    const template = contextMenuTemplate(
      params({ isEditable: false, selectionText: 'see you at 8' }),
      actions(),
    );
    expect(shown(template)).toEqual(['copy', '---', 'selectAll']);
  });

  it('offers only select all in the message list with nothing selected', () => {
    for (const selectionText of ['', '  \n ']) {
      expect(
        shown(contextMenuTemplate(params({ isEditable: false, selectionText }), actions())),
      ).toEqual(['selectAll']);
    }
  });

  it('puts spelling suggestions first over a misspelled word, and replaces it on click', () => {
    const a = actions();
    const template = contextMenuTemplate(
      params({ misspelledWord: 'tommorow', dictionarySuggestions: ['tomorrow', 'tom morrow'] }),
      a,
    );
    expect(shown(template)).toEqual([
      'tomorrow',
      'tom morrow',
      'Add to Dictionary',
      '---',
      'cut',
      'copy',
      'paste',
      '---',
      'selectAll',
    ]);
    click(template[0]);
    expect(a.replaceMisspelling).toHaveBeenCalledWith('tomorrow');
    click(template.find((i) => i.label === 'Add to Dictionary'));
    expect(a.addToDictionary).toHaveBeenCalledWith('tommorow');
  });

  it(`shows at most ${MAX_SUGGESTIONS} suggestions`, () => {
    const suggestions = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
    const template = contextMenuTemplate(
      params({ misspelledWord: 'aa', dictionarySuggestions: suggestions }),
      actions(),
    );
    expect(shown(template).slice(0, MAX_SUGGESTIONS + 1)).toEqual([
      ...suggestions.slice(0, MAX_SUGGESTIONS),
      'Add to Dictionary',
    ]);
  });

  it('says when there is no suggestion, and still offers to add the word', () => {
    const template = contextMenuTemplate(params({ misspelledWord: 'Fellowz' }), actions());
    expect(shown(template).slice(0, 3)).toEqual(['No Guesses Found', 'Add to Dictionary', '---']);
    expect(template[0]!.enabled).toBe(false);
  });

  it('has no spelling items outside a text field', () => {
    const template = contextMenuTemplate(
      params({ isEditable: false, misspelledWord: 'x', dictionarySuggestions: ['y'] }),
      actions(),
    );
    expect(shown(template)).toEqual(['selectAll']);
  });

  it('never offers to open a link, whatever is under the pointer', () => {
    const withLink = { ...params({ isEditable: false }), linkURL: 'https://example.com/' };
    for (const devTools of [false, true]) {
      const labels = shown(contextMenuTemplate(withLink, actions(), { devTools })).join(' ');
      expect(labels).not.toMatch(/open|link/i);
    }
  });

  it('offers Inspect Element only on dev runs', () => {
    const a = actions();
    expect(shown(contextMenuTemplate(params(), a))).not.toContain('Inspect Element');
    const template = contextMenuTemplate(params(), a, { devTools: true });
    expect(shown(template).slice(-2)).toEqual(['---', 'Inspect Element']);
    click(template.at(-1));
    expect(a.inspectElement).toHaveBeenCalledWith(12, 34);
  });
});

/** Web contents that emit `context-menu` and record what the menu did to them. */
class FakeContents extends EventEmitter {
  replaceMisspelling = vi.fn();
  inspectElement = vi.fn();
  added = true;
  session = { addWordToSpellCheckerDictionary: vi.fn((_word: string) => this.added) };
}

describe('installContextMenu', () => {
  const setup = (devTools = false) => {
    const contents = new FakeContents();
    const popup = vi.fn<(template: Item[]) => void>();
    installContextMenu(contents, { popup, devTools });
    const open = (p: MenuParams): Item[] => {
      contents.emit('context-menu', {}, p);
      return popup.mock.lastCall![0];
    };
    return { contents, popup, open };
  };

  it('pops the menu up on a right-click, wired to the web contents and its session', () => {
    const { contents, open } = setup();
    const template = open(params({ misspelledWord: 'helo', dictionarySuggestions: ['hello'] }));
    click(template[0]);
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('hello');
    click(template[1]);
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('helo');
  });

  it('logs, without the word, when the dictionary refuses it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { contents, open } = setup();
    contents.added = false;
    click(open(params({ misspelledWord: 'secretword' }))[1]);
    expect(warn).toHaveBeenCalledWith('context-menu: the spell-checker did not add the word');
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secretword');
  });

  it('inspects the clicked element only when developer tools are allowed', () => {
    const { contents, open } = setup(true);
    click(open(params()).at(-1));
    expect(contents.inspectElement).toHaveBeenCalledWith(12, 34);
    expect(shown(setup(false).open(params()))).not.toContain('Inspect Element');
  });
});
