/** Longest display name, in user-perceived characters (grapheme clusters are not split). */
export const MAX_DISPLAY_NAME_LENGTH = 64;

export type DisplayNameProblem = 'empty' | 'too-long' | 'control-characters';

/** A display name a person typed that cannot be used, with the reason in words for them. */
export class DisplayNameError extends Error {
  override readonly name = 'DisplayNameError';
  constructor(
    readonly problem: DisplayNameProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns what a person typed into the display name their group will see: NFC-normalised,
 * trimmed, inner runs of white space folded to one space. Throws `DisplayNameError` when
 * nothing is left, it is too long, or it hides control or direction-override characters
 * (which can make one name look like another).
 */
export function parseDisplayName(input: unknown): string {
  if (typeof input !== 'string') {
    throw new DisplayNameError('empty', 'Enter a name your group will recognise.');
  }
  const name = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name.length === 0) {
    throw new DisplayNameError('empty', 'Enter a name your group will recognise.');
  }
  if (/[\p{Cc}\p{Cf}]/u.test(name.replace(/\u200d/gu, ''))) {
    throw new DisplayNameError(
      'control-characters',
      'Names cannot contain invisible control or text-direction characters.',
    );
  }
  if (graphemeCount(name) > MAX_DISPLAY_NAME_LENGTH) {
    throw new DisplayNameError(
      'too-long',
      `Keep your name to ${MAX_DISPLAY_NAME_LENGTH} characters or fewer.`,
    );
  }
  return name;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Counts user-perceived characters: a family emoji or an accented letter counts once. */
function graphemeCount(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}
