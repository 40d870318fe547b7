// What an emoji is made of: pictographs, skin tones, flag halves, joiners, the emoji
// presentation selector, keycaps (with their digit, # or *) and the tags of subdivision flags.
// (The `v` flag's \p{RGI_Emoji} says it exactly, but compiling it costs ~45 ms on first use,
// in the task that draws the first screen.)
const EMOJI_PARTS =
  /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{E0020}-\u{E007F}\s#*0-9]|\u200D|\uFE0F|\u20E3)+$/u;
/** A digit, # or * that is not the base of a keycap (1️⃣): text, not an emoji. */
const BARE_KEY = /[#*0-9](?!\uFE0F?\u20E3)/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const FLAG_HALF = /\p{Regional_Indicator}/u;

/** At most this many emoji alone are shown large, as in Signal: more read as a line of text. */
export const MAX_LARGE_EMOJI = 5;

/** Drawn as an emoji by default; the others (©, ❤, ☺) are text unless U+FE0F follows. */
const EMOJI_STYLE = /\p{Emoji_Presentation}/u;

/** How many emoji `text` shows, if it is nothing but emoji and spaces; else 0. */
export function emojiCount(text: string): number {
  if (!EMOJI_PARTS.test(text) || BARE_KEY.test(text)) return 0;
  let count = 0;
  let flagHalves = 0;
  let previous = 0;
  // Code point by code point (an emoji is often two UTF-16 units).
  for (let i = 0; i < text.length;) {
    const point = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(point);
    i += char.length;
    // A pictograph after a joiner is part of the one before (👨‍👩‍👧); two halves make a flag.
    if (PICTOGRAPH.test(char)) {
      if (previous !== 0x200d) {
        if (!EMOJI_STYLE.test(char) && text.codePointAt(i) !== 0xfe0f) return 0;
        count++;
      }
    } else if (FLAG_HALF.test(char)) count += flagHalves++ % 2 === 0 ? 1 : 0;
    else if (point === 0x20e3) count++;
    previous = point;
  }
  return count;
}

/** True for a message of nothing but one to five emoji ("👍", "🎉🎉"), shown large. */
export function isLargeEmoji(text: string): boolean {
  if (text.length > 80) return false;
  const count = emojiCount(text);
  return count > 0 && count <= MAX_LARGE_EMOJI;
}
