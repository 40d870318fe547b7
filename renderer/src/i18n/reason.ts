import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MENTIONS, MAX_TEXT_LENGTH } from '../../../shared/content/schema.ts';
import { refusalOf, type Refusal } from '../../../shared/refusal.ts';
import { formatNumber } from './format.ts';

/**
 * Why something the person asked for did not happen, kept as what went wrong and worded when
 * drawn (so it follows a language change): a refusal the sync engine names (shared/refusal.ts),
 * or the technical detail of anything unexpected, shown as it came.
 */
export type Reason = { refusal: Refusal } | { detail: string };

/** The reason a caught error gives. */
export function reasonFrom(caught: unknown): Reason {
  const refusal = refusalOf(caught);
  if (refusal !== null) return { refusal };
  return { detail: caught instanceof Error ? caught.message : String(caught) };
}

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
