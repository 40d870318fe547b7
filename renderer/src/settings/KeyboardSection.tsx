import { useTranslation } from 'react-i18next';
import { DialogButton } from '../app/DialogButton.tsx';
import { ShortcutsHelp } from '../search/ShortcutsHelp.tsx';
import { comboLabel } from '../search/shortcuts.ts';

/** Where the keyboard shortcuts can be found without knowing Ctrl+/ (⌘/) already. */
export function KeyboardSection() {
  const { t } = useTranslation('settings');
  return (
    <section className="settings-section settings-pref" aria-labelledby="keyboard-heading">
      <h2 id="keyboard-heading">{t('keyboardHeading')}</h2>
      <p className="hint">{t('keyboardHint', { keys: comboLabel(['mod', '/']) })}</p>
      <DialogButton dialog={(close) => <ShortcutsHelp onClose={close} />}>
        {t('keyboardShow')}
      </DialogButton>
    </section>
  );
}
