/**
 * Every IPC channel between the renderer and Electron's main process, as `namespace:action`.
 * This list has no dependencies so the sandboxed preload can bundle it alone; the schemas for
 * each channel live in `contract.ts`, which must cover exactly these names.
 */
export const channelNames = [
  'app:info',
  'app:recycle',
  'app:setUnread',
  'vault:status',
  'vault:get',
  'vault:set',
  'vault:delete',
  'shell:openExternal',
  'notify:show',
] as const;

export type ChannelName = (typeof channelNames)[number];

/** Splits `namespace:action` into its two parts. */
export function splitChannel(channel: ChannelName): [namespace: string, action: string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}
