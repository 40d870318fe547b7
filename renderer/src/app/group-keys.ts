/**
 * The group to move to with Alt+Up / Alt+Down (the sidebar's order), or null: the first or
 * last when none is open, and no wrapping past either end.
 */
export function neighbourGroup(
  ids: readonly string[],
  current: string | null,
  direction: 'up' | 'down',
): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return (direction === 'up' ? ids.at(-1) : ids[0]) ?? null;
  const next = direction === 'up' ? at - 1 : at + 1;
  return ids[next] ?? null;
}
