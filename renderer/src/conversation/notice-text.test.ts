import { describe, expect, it } from 'vitest';
import { englishNotice, type NoticeWords } from '../../../shared/repo/notices.ts';
import { startI18n } from '../i18n/i18n.ts';
import { noticeText } from './notice-text.ts';

const me = { me: true, name: 'Bo' };
const ada = { me: false, name: 'Ada' };
const unknown = { me: false, name: '' };

/** One of each, with the reader as subject, as object, and neither. */
const EVERY: NoticeWords[] = [
  { kind: 'joined', who: ada },
  { kind: 'joined', who: me },
  { kind: 'added-device', who: ada },
  { kind: 'left', who: me },
  { kind: 'removed', by: ada, whom: me },
  { kind: 'removed', by: me, whom: unknown },
  { kind: 'unlinked-own', by: ada },
  { kind: 'unlinked-other', by: me, whom: ada },
  { kind: 'promoted', by: ada, whom: me },
  { kind: 'renamed', by: me, name: 'Moestuin' },
  { kind: 'approval-on', by: ada },
  { kind: 'approval-off', by: me },
];

function inLanguage(language: 'en' | 'nl' | 'zh-CN') {
  return startI18n(language).getFixedT(language, 'conversation');
}

describe('membership notices in the reader’s language', () => {
  it('say in English exactly what the core’s English text says', () => {
    const t = inLanguage('en');
    for (const words of EVERY) expect(noticeText(t, words)).toBe(englishNotice(words));
  });

  it('are Dutch and Chinese sentences, with "you" for the reader and no key left raw', () => {
    const nl = inLanguage('nl');
    expect(EVERY.map((words) => noticeText(nl, words))).toEqual([
      'Ada is lid geworden',
      'Je bent lid geworden',
      'Ada heeft een apparaat toegevoegd. Vergelijk de veiligheidsnummers.',
      'Je bent vertrokken',
      'Ada heeft jou verwijderd',
      'Je hebt iemand verwijderd',
      'Ada heeft een apparaat ontkoppeld. Vergelijk de veiligheidsnummers.',
      'Je hebt een apparaat van Ada ontkoppeld. Vergelijk de veiligheidsnummers.',
      'Ada heeft jou beheerder gemaakt',
      'Je hebt de groep hernoemd tot Moestuin',
      'Ada vraagt nu goedkeuring van een beheerder voor nieuwe leden',
      'Je laat nu elk lid nieuwe leden toelaten',
    ]);
    const zh = inLanguage('zh-CN');
    const chinese = EVERY.map((words) => noticeText(zh, words));
    expect(chinese.slice(0, 2)).toEqual(['Ada 加入了群组', '你加入了群组']);
    expect(chinese[4]).toBe('Ada 移除了 你');
    for (const text of chinese) expect(text).not.toMatch(/notice|\{\{|[A-Z][a-z]+ed\b/);
  });
});
