/** A round initial in a colour derived from the name, the same on every device. */
export function Avatar(props: { name: string; size?: number }) {
  const { name, size = 36 } = props;
  const initial = firstGrapheme(name.trim())?.toUpperCase() ?? '?';
  return (
    <span
      className="avatar"
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

/** FNV-1a over the name, folded to a hue, so colours are stable and spread out. */
export function hueOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first user-perceived character, so an emoji or accented initial stays whole. */
function firstGrapheme(text: string): string | undefined {
  for (const { segment } of graphemes.segment(text)) return segment;
  return undefined;
}
