import { MAX_TEXT_LENGTH } from '../../../shared/content/schema.ts';

/** From this many characters left, the composer shows a counter. */
export const NEAR_LIMIT = 500;

/** How a text stands against the send limit: what is sent is the trimmed text. */
export type TextLength = {
  /** Characters past MAX_TEXT_LENGTH (0 when it fits). */
  over: number;
  /** Characters still free (0 when over). */
  left: number;
  /** Close enough to the limit, or past it, to show a counter. */
  counted: boolean;
};

/** Counts as the worker does: UTF-16 code units of the trimmed text. */
export function textLength(text: string, max = MAX_TEXT_LENGTH): TextLength {
  const length = text.trim().length;
  return {
    over: Math.max(0, length - max),
    left: Math.max(0, max - length),
    counted: length > max - NEAR_LIMIT,
  };
}
