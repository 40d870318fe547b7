import type { TFunction } from 'i18next';
import type { NoticeName, NoticeWords } from '../../../shared/repo/notices.ts';

/** Each kind's sentence, and its wording when the reader is its subject. */
const SENTENCES = {
  joined: ['noticeJoined', 'noticeJoinedMe'],
  'added-device': ['noticeAddedDevice', 'noticeAddedDeviceMe'],
  left: ['noticeLeft', 'noticeLeftMe'],
  removed: ['noticeRemoved', 'noticeRemovedMe'],
  'unlinked-own': ['noticeUnlinkedOwn', 'noticeUnlinkedOwnMe'],
  'unlinked-other': ['noticeUnlinkedOther', 'noticeUnlinkedOtherMe'],
  promoted: ['noticePromoted', 'noticePromotedMe'],
  renamed: ['noticeRenamed', 'noticeRenamedMe'],
  'approval-on': ['noticeApprovalOn', 'noticeApprovalOnMe'],
  'approval-off': ['noticeApprovalOff', 'noticeApprovalOffMe'],
} as const;

/**
 * A membership notice in the reader's language. The core says what happened (`words`); its
 * English `text` is for logs and tests. A sentence whose subject is the reader has its own
 * wording ("You joined", "Je bent lid geworden"): verbs agree with it in Dutch.
 */
export function noticeText(t: TFunction<'conversation'>, words: NoticeWords): string {
  const subject = 'who' in words ? words.who : words.by;
  const name = subject.name || t('noticeSomeone');
  const whom = (n: NoticeName) => (n.me ? t('noticeYou') : n.name || t('noticeSomeoneWhom'));
  const [other, mine] = SENTENCES[words.kind];
  return t(subject.me ? mine : other, {
    who: name,
    by: name,
    whom: 'whom' in words ? whom(words.whom) : '',
    name: 'name' in words ? words.name : '',
  });
}
