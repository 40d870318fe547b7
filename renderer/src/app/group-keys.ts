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

/**
 * The nearest other group with unread messages above or below `current`, going round past
 * the end (Alt+Shift+Up / Alt+Shift+Down, as in Slack and Element); null when none has any.
 */
export function neighbourUnread(
  groups: readonly { id: string; unread: number }[],
  current: string | null,
  direction: 'up' | 'down',
): string | null {
  const at = current === null ? -1 : groups.findIndex((g) => g.id === current);
  const step = direction === 'up' ? -1 : 1;
  const start = at < 0 ? (direction === 'up' ? groups.length : -1) : at;
  for (let i = 1; i <= groups.length; i++) {
    const group = groups.at((start + step * i + groups.length) % groups.length);
    if (group && group.id !== current && group.unread > 0) return group.id;
  }
  return null;
}
