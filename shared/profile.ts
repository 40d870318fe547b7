/** Longest name in bytes of UTF-8, whatever its characters (zalgo text, long emoji joins). */
export const MAX_NAME_BYTES = 256;
/** Longest display or group name, in user-perceived characters (grapheme clusters). */
export const MAX_DISPLAY_NAME_LENGTH = 64;
export const MAX_GROUP_NAME_LENGTH = 64;

export type DisplayNameProblem = 'empty' | 'too-long' | 'control-characters';

/** A name a person typed that cannot be used, with the reason in words for them. */
export class DisplayNameError extends Error {
  override readonly name = 'DisplayNameError';
  constructor(
    readonly problem: DisplayNameProblem,
    message: string,
  ) {
    super(message);
  }
}

type NameMessages = Record<DisplayNameProblem, string>;

const displayNameMessages: NameMessages = {
  empty: 'Enter a name your group will recognise.',
  'too-long': `Keep your name to ${MAX_DISPLAY_NAME_LENGTH} characters or fewer.`,
  'control-characters': 'Names cannot contain invisible control or text-direction characters.',
};

const groupNameMessages: NameMessages = {
  empty: 'Give the group a name its members will recognise.',
  'too-long': `Keep the group’s name to ${MAX_GROUP_NAME_LENGTH} characters or fewer.`,
  'control-characters': 'Names cannot contain invisible control or text-direction characters.',
};

/**
 * Turns what a person typed into the display name their group will see: NFC-normalised,
 * trimmed, inner runs of white space folded to one space. Throws `DisplayNameError` when
 * nothing is left, it is too long, or it hides control or direction-override characters
 * (which can make one name look like another).
 */
export function parseDisplayName(input: unknown): string {
  return parseName(input, MAX_DISPLAY_NAME_LENGTH, displayNameMessages);
}

/** The same rules for a group's name, with messages that speak of the group. */
export function parseGroupName(input: unknown): string {
  return parseName(input, MAX_GROUP_NAME_LENGTH, groupNameMessages);
}

function parseName(input: unknown, maxLength: number, messages: NameMessages): string {
  if (typeof input !== 'string') throw new DisplayNameError('empty', messages.empty);
  const name = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name.length === 0) throw new DisplayNameError('empty', messages.empty);
  // Cs: a lone surrogate would be silently replaced when encoded, changing a signed name.
  if (/[\p{Cc}\p{Cf}\p{Cs}]/u.test(name.replace(/\u200d/gu, ''))) {
    throw new DisplayNameError('control-characters', messages['control-characters']);
  }
  if (longerThan(name, maxLength) || utf8Length(name) > MAX_NAME_BYTES) {
    throw new DisplayNameError('too-long', messages['too-long']);
  }
  return name;
}

/** Made when first needed: the first Intl object a page makes loads ICU data (~45 ms here). */
let graphemes: Intl.Segmenter | null = null;

/**
 * Whether the text has more than `max` user-perceived characters (a family emoji or an
 * accented letter counts once). Each is at least one UTF-16 unit, so a text no longer than
 * `max` units is never segmented: names almost never are.
 */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  const segments = graphemes.segment(text)[Symbol.iterator]();
  while (!segments.next().done) if (++count > max) return true;
  return false;
}

/** UTF-8 length without an encoder (shared/ has no TextEncoder type). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
