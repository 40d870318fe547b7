import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** At most this many spelling suggestions, so the menu stays short. */
export const MAX_SUGGESTIONS = 5;

/** What the context menu reads from Electron's `context-menu` params. */
export type MenuParams = Pick<
  ContextMenuParams,
  'x' | 'y' | 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions'
> & {
  editFlags: Pick<
    ContextMenuParams['editFlags'],
    'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'
  >;
};

export type ContextMenuActions = {
  /** Replaces the misspelled word under the pointer (`webContents.replaceMisspelling`). */
  replaceMisspelling: (suggestion: string) => void;
  /** `session.addWordToSpellCheckerDictionary`. */
  addToDictionary: (word: string) => void;
  /** `webContents.inspectElement`; only used when developer tools are allowed. */
  inspectElement: (x: number, y: number) => void;
};

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

/**
 * The context menu for the message list and the composer, as plain data: spelling
 * suggestions and "Add to Dictionary" over a misspelled word, then cut/copy/paste in a text
 * field or copy over selected text, and Select All. Links get no "Open" item: links open
 * only through the validated `openExternal` path (a click in the page), never from here.
 * "Inspect Element" only on dev runs.
 */
export function contextMenuTemplate(
  params: MenuParams,
  actions: ContextMenuActions,
  options: { devTools: boolean } = { devTools: false },
): Item[] {
  const sections: Item[][] = [];

  const word = params.misspelledWord;
  if (params.isEditable && word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    sections.push([
      ...(suggestions.length > 0
        ? suggestions.map((suggestion): Item => ({
            label: suggestion,
            click: () => {
              actions.replaceMisspelling(suggestion);
            },
          }))
        : [{ label: 'No Guesses Found', enabled: false }]),
      {
        label: 'Add to Dictionary',
        click: () => {
          actions.addToDictionary(word);
        },
      },
    ]);
  }

  const hasSelection = params.selectionText.trim() !== '';
  if (params.isEditable) {
    sections.push([
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
    ]);
  } else if (hasSelection) {
    sections.push([{ role: 'copy', enabled: params.editFlags.canCopy }]);
  }
  sections.push([{ role: 'selectAll', enabled: params.editFlags.canSelectAll }]);

  if (options.devTools) {
    sections.push([
      {
        label: 'Inspect Element',
        click: () => {
          actions.inspectElement(params.x, params.y);
        },
      },
    ]);
  }

  return sections.flatMap((section, i) => (i === 0 ? section : [separator, ...section]));
}

/** The part of Electron's `WebContents` the context menu wires. */
export type ContextMenuContents = {
  on(event: 'context-menu', listener: (event: unknown, params: MenuParams) => void): unknown;
  replaceMisspelling(text: string): void;
  inspectElement(x: number, y: number): void;
  session: { addWordToSpellCheckerDictionary(word: string): boolean };
};

export type ContextMenuDeps = {
  /** Shows a template: `Menu.buildFromTemplate(template).popup({ window })`. */
  popup: (template: Item[]) => void;
  /** Developer tools allowed (unpackaged dev runs only). */
  devTools: boolean;
};

/** Shows the app's context menu on every right-click in `contents`. */
export function installContextMenu(contents: ContextMenuContents, deps: ContextMenuDeps): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(
      params,
      {
        replaceMisspelling: (suggestion) => {
          contents.replaceMisspelling(suggestion);
        },
        addToDictionary: (word) => {
          if (!contents.session.addWordToSpellCheckerDictionary(word)) {
            console.warn('context-menu: the spell-checker did not add the word');
          }
        },
        inspectElement: (x, y) => {
          contents.inspectElement(x, y);
        },
      },
      { devTools: deps.devTools },
    );
    deps.popup(template);
  });
}
