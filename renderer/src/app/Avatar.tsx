import { fnv1a } from './tone.ts';
import './tone.css';

/**
 * A round initial, the same colour on every device: a person's `tone` (the colour their name has
 * in the conversation, which stays when they rename), anything else's from its name.
 */
export function Avatar(props: { name: string; tone?: number; size?: number }) {
  const { name, tone, size = 36 } = props;
  const initial = firstGrapheme(name.trim())?.toUpperCase() ?? '?';
  return (
    <span
      className={tone === undefined ? 'avatar' : `avatar tone-${tone}`}
      aria-hidden="true"
      style={
        {
          width: size,
          height: size,
          fontSize: size * 0.44,
          '--hue': hueOf(name),
        } as React.CSSProperties
      }
    >
      {initial}
    </span>
  );
}

/** The name's hue, for avatars of things that are not people (groups). */
export function hueOf(name: string): number {
  return fnv1a(name) % 360;
}

/** Made when first needed: the first Intl object a page makes loads ICU data (~45 ms here). */
let graphemes: Intl.Segmenter | null = null;

/** The first user-perceived character, so an emoji or accented initial stays whole. */
export function firstGrapheme(text: string): string | undefined {
  // A printable ASCII letter followed by ASCII (or nothing) is a whole character on its own:
  // whatever joins or combines with a character is outside ASCII.
  const next = text.length > 1 ? text.charCodeAt(1) : 0;
  if (/^[\x20-\x7e]/.test(text) && next < 0x80) return text[0];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) return segment;
  return undefined;
}
