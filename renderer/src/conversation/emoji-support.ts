import { currentLanguage } from '../i18n/i18n.ts';

/** The app languages' emojibase data sets (served from our own origin, renderer.vite.ts). */
export type EmojiLocale = 'en' | 'nl' | 'zh';

/** Emojibase's data set for the language shown. */
export function emojiLocale(): EmojiLocale {
  const language = currentLanguage();
  return language === 'zh-CN' ? 'zh' : language;
}

/**
 * The newest Emoji version this laptop's fonts can draw, for the picker to offer no more.
 *
 * frimousse finds it itself by drawing each version's first emoji on a canvas in two colours:
 * the same pixels both times means a colour glyph. A code point that no font on the laptop
 * has draws nothing at all on Linux, which is also the same pixels both times, so it counted
 * as drawn: with Debian's Noto Color Emoji (Emoji 15.1) the picker offered Emoji 16's
 * 🫩 as an empty cell. Here a glyph must also leave ink, and be one glyph wide.
 */

/** One emoji each version brought (a face where there is one), newest first. */
const PROBES: readonly (readonly [version: number, emoji: string])[] = [
  [17, '🫪'],
  [16, '🫩'],
  [15.1, '🐦‍🔥'],
  [15, '🫨'],
  [14, '🫠'],
  [13.1, '😶‍🌫️'],
  [13, '🥲'],
  [12.1, '🧑‍🦰'],
  [12, '🥱'],
  [11, '🥰'],
];
/** Older than every probe: what any emoji font has. */
const FLOOR = 5;
const SIZE = 16;
const FONT = `${SIZE}px 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', sans-serif`;

/** True when `emoji` draws as one colour glyph with ink in it. */
export function drawsInColour(context: CanvasRenderingContext2D, emoji: string): boolean {
  context.font = FONT;
  context.textBaseline = 'top';
  // Two or more glyphs side by side: a sequence the font does not join.
  if (context.measureText(emoji).width > SIZE * 1.5) return false;
  const pixels = (colour: string) => {
    context.clearRect(0, 0, SIZE * 2, SIZE * 2);
    context.fillStyle = colour;
    context.fillText(emoji, 0, 0);
    return context.getImageData(0, 0, SIZE * 2, SIZE * 2).data;
  };
  const blue = pixels('#00f');
  const red = pixels('#f00');
  let ink = false;
  for (let i = 0; i < blue.length; i += 4) {
    if (blue[i + 3] !== 0) ink = true;
    // A monochrome glyph (a box, or a text font's face) takes the fill colour.
    if (blue[i] !== red[i] || blue[i + 1] !== red[i + 1] || blue[i + 2] !== red[i + 2])
      return false;
  }
  return ink;
}

let found: number | undefined;

/** The newest Emoji version drawn in colour here (measured once), or undefined without a canvas. */
export function supportedEmojiVersion(): number | undefined {
  if (found !== undefined) return found;
  const canvas = document.createElement('canvas');
  canvas.width = SIZE * 2;
  canvas.height = SIZE * 2;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  found = PROBES.find(([, emoji]) => drawsInColour(context, emoji))?.[0] ?? FLOOR;
  return found;
}
