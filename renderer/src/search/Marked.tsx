/** Text with the given `[start, end)` ranges in `<mark>`: what a search matched. */
export function Marked(props: { text: string; marks: readonly (readonly [number, number])[] }) {
  const { text, marks } = props;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
