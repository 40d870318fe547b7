import { channelNames, splitChannel, type ChannelName } from './channels.ts';
import type { FellowsBridge } from './contract.ts';
import type { SubscribeToEvent } from './events.ts';

/** Sends one call over IPC; the preload passes `ipcRenderer.invoke`, tests pass a fake. */
export type Invoke = (channel: ChannelName, args: unknown[]) => Promise<unknown>;

/**
 * Builds the `window.fellows` object from the channel list: `fellows.vault.get(name)` calls
 * `vault:get`. The page never sees `ipcRenderer` or a channel name. `on` (from
 * `createEventHub`) is the one way back: it listens for the events main pushes, and nothing
 * on the bridge can send to an arbitrary channel.
 */
export function buildBridge(invoke: Invoke, on: SubscribeToEvent): FellowsBridge {
  const bridge: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const [namespace, action] = splitChannel(channel);
    const group = (bridge[namespace] ??= {});
    group[action] = (...args: unknown[]) => invoke(channel, args);
  }
  // The loop above creates exactly the shape FellowsBridge derives from the same names.
  return { ...bridge, on } as unknown as FellowsBridge;
}
