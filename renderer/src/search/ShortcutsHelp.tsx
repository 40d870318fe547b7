import { useTranslation } from 'react-i18next';
import { Dialog } from '../app/Dialog.tsx';
import { comboLabel } from './shortcuts.ts';
import './shortcuts-help.css';

type Shortcut = { keys: readonly (readonly string[])[]; what: string };

/** The shortcuts, by where they work; each key combination is spelled as the platform does. */
function useShortcutList(): { title: string; shortcuts: Shortcut[] }[] {
  const { t } = useTranslation('search');
  return [
    {
      title: t('keysAnywhere'),
      shortcuts: [
        { keys: [['mod', 'K']], what: t('keySwitcher') },
        { keys: [['mod', 'F']], what: t('keySearchGroup') },
        { keys: [['mod', 'shift', 'F']], what: t('keySearchAll') },
        {
          keys: [
            ['alt', '↑'],
            ['alt', '↓'],
          ],
          what: t('keyNextGroup'),
        },
        {
          keys: [
            ['alt', 'shift', '↑'],
            ['alt', 'shift', '↓'],
          ],
          what: t('keyNextUnread'),
        },
        { keys: [['mod', '/']], what: t('keyHelp') },
      ],
    },
    {
      title: t('keysComposer'),
      shortcuts: [
        { keys: [['Enter']], what: t('keySend') },
        { keys: [['shift', 'Enter']], what: t('keyNewLine') },
        { keys: [['↑']], what: t('keyEditLast') },
        { keys: [['Esc']], what: t('keyCancel') },
        { keys: [['@']], what: t('keyMention') },
        { keys: [[':']], what: t('keyEmoji') },
      ],
    },
    {
      title: t('keysMessages'),
      shortcuts: [
        { keys: [['↑'], ['↓']], what: t('keyNextMessage') },
        { keys: [['Home'], ['End']], what: t('keyFirstLast') },
      ],
    },
  ];
}

/** Every keyboard shortcut, in a dialog: Ctrl+/ (⌘/) anywhere, or from Settings. */
export function ShortcutsHelp(props: { onClose: () => void }) {
  const { t } = useTranslation('search');
  return (
    <Dialog title={t('keysTitle')} onClose={props.onClose} className="shortcuts-dialog">
      <div className="shortcuts-body">
        {useShortcutList().map((section) => (
          <section key={section.title} className="shortcuts-section">
            <h3>{section.title}</h3>
            <dl>
              {section.shortcuts.map((shortcut) => (
                <div key={shortcut.what} className="shortcut">
                  <dt>
                    {shortcut.keys.map((combo, index) => (
                      <span key={combo.join()}>
                        {index > 0 ? <span className="shortcut-or"> / </span> : null}
                        <kbd>{comboLabel(combo)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" className="primary" data-autofocus onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
