import type { z } from '../../shared/zod.ts';
import { channelNames, type ChannelName } from '../../shared/ipc/channels.ts';
import { contract, type ChannelArgs, type ChannelResult } from '../../shared/ipc/contract.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { ExpectedError } from './errors.ts';
import { describeUrl, type SenderFrame } from './security.ts';

/** One handler per channel, called only with arguments the contract has already parsed. */
export type Handlers = {
  [C in ChannelName]: (...args: ChannelArgs<C>) => Promise<ChannelResult<C>> | ChannelResult<C>;
};

/** What an invoke event tells us about its sender. */
export type InvokeEvent = { readonly senderFrame: SenderFrame | null };

/** The part of Electron's `ipcMain` this module uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
};

export type IsTrusted = (frame: SenderFrame | null) => boolean;

/** A name for each element of an argument tuple (a homomorphic map keeps it a tuple). */
type ArgumentNames<T> = { [K in keyof T]: string };

/** Names for each channel's arguments, so a refusal says which one was wrong. */
const argumentNames: { [C in ChannelName]: ArgumentNames<ChannelArgs<C>> } = {
  'app:info': [],
  'app:recycle': [],
  'app:setUnread': ['unread'],
  'vault:status': [],
  'vault:get': ['name'],
  'vault:set': ['name', 'value'],
  'vault:delete': ['name'],
  'shell:openExternal': ['url'],
  'notify:show': ['notification'],
};

/**
 * Serves every channel of the contract on `ipcMain`. Each call is checked in order: the
 * sender must be trusted, the arguments must parse, then the handler runs. The renderer
 * always gets a `Result`; nothing thrown crosses IPC, and no argument value is logged
 * (they can be secrets). Returns a function that removes the handlers again.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrusted: IsTrusted,
): () => void {
  // C ties each channel to its own handler and schema inside the body.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const register = <C extends ChannelName>(channel: C) => {
    const handler: Handlers[C] = handlers[channel];
    ipcMain.handle(channel, async (event, ...rawArgs): Promise<Result<ChannelResult<C>>> => {
      const frame = senderFrameOf(event);
      if (!isTrusted(frame)) {
        console.warn(
          `ipc: refused ${channel} from an untrusted sender (${describeUrl(frame?.url)})`,
        );
        return err({ code: 'forbidden', message: `${channel} may only be called by the app.` });
      }
      const parsed = parseArguments(channel, rawArgs);
      if (!parsed.ok) return parsed;
      try {
        return ok(await handler(...parsed.value));
      } catch (error) {
        if (error instanceof ExpectedError)
          return err({ code: error.code, message: error.message });
        // The name says what kind of bug this is; the message may quote a secret, so it stays out.
        console.error(`ipc: ${channel} failed with ${errorName(error)}`);
        return err({ code: 'internal', message: `${channel} failed unexpectedly.` });
      }
    });
  };
  for (const channel of channelNames) register(channel);
  return () => {
    unregisterIpc(ipcMain);
  };
}

/** Removes every contract channel's handler (for hot reload and tests). */
export function unregisterIpc(ipcMain: Pick<IpcMainLike, 'removeHandler'>): void {
  for (const channel of channelNames) ipcMain.removeHandler(channel);
}

/**
 * Parses raw IPC arguments with the channel's tuple schema. A refusal names the channel and
 * the argument, and quotes the schema's message, never the value.
 */
export function parseArguments<C extends ChannelName>(
  channel: C,
  rawArgs: readonly unknown[],
): Result<ChannelArgs<C>> {
  const names: readonly string[] = argumentNames[channel];
  if (rawArgs.length !== names.length) {
    const count = names.length === 1 ? '1 argument' : `${names.length} arguments`;
    const expected = names.length === 0 ? 'no arguments' : `${count} (${names.join(', ')})`;
    return invalid(`${channel} takes ${expected}, got ${rawArgs.length}.`);
  }
  const schema: z.ZodMiniType = contract[channel].args;
  const result = schema.safeParse(rawArgs);
  // The tuple schema for C produced this value, so it has C's argument types.
  if (result.success) return ok(result.data as ChannelArgs<C>);
  return invalid(`${channel}: ${describeIssue(result.error, names)}`);
}

function describeIssue(error: z.core.$ZodError, names: readonly string[]): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'its arguments are invalid.';
  const [index, ...rest] = issue.path;
  if (typeof index !== 'number') return `${issue.message}.`;
  const name = names[index] ?? 'argument';
  const where = rest.length === 0 ? '' : ` at ${rest.map(String).join('.')}`;
  return `argument ${index + 1} (${name})${where}: ${issue.message}.`;
}

function invalid(message: string): Result<never> {
  return err({ code: 'invalid-argument', message });
}

/** Electron can throw when the sending frame is gone; that sender is then untrusted. */
function senderFrameOf(event: InvokeEvent): SenderFrame | null {
  try {
    return event.senderFrame;
  } catch {
    return null;
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
