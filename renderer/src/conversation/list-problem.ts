import type { TFunction } from 'i18next';
import type { Reason } from '../../../shared/refusal.ts';

/** What went wrong in the list, worded when drawn (MessageList), so it follows the language. */
export type ListProblem =
  { kind: 'not-found' } | { kind: 'react-failed' | 'copy-failed' | 'link-failed'; reason: Reason };

/** The problem's words, in the language shown now. */
export function problemWords(
  t: TFunction<'conversation'>,
  words: (reason: Reason) => string,
  problem: ListProblem,
): string {
  switch (problem.kind) {
    case 'not-found':
      return t('notFound');
    case 'react-failed':
      return t('reactFailed', { reason: words(problem.reason) });
    case 'copy-failed':
      return t('copyFailed', { reason: words(problem.reason) });
    case 'link-failed':
      return t('linkFailed', { reason: words(problem.reason) });
  }
}
