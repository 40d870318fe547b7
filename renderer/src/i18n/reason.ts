import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MENTIONS, MAX_TEXT_LENGTH } from '../../../shared/content/schema.ts';
import type { Reason } from '../../../shared/refusal.ts';
import { formatNumber } from './format.ts';

/** Words for reasons, in the language shown now. */
export function useReasonWords(): (reason: Reason) => string {
  // A new language gives a new `t`, and so a new function: memoized callers word theirs again.
  const { t } = useTranslation('refusal');
  return useCallback(
    (reason: Reason) =>
      'detail' in reason
        ? reason.detail
        : t(reason.refusal, {
            max: formatNumber(reason.refusal === 'bad-mentions' ? MAX_MENTIONS : MAX_TEXT_LENGTH),
          }),
    [t],
  );
}
