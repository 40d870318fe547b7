import { z } from '../zod.ts';
import type { ChannelName } from './channels.ts';
import type { Result } from '../result.ts';
import type { SubscribeToEvent } from './events.ts';
import { notificationRequestSchema, unreadSchema } from './notification.ts';

/** Largest secret the vault holds: it is for keys and small tokens, not for data. */
export const MAX_VAULT_VALUE_BYTES = 4096;
/** Longest URL the app hands to the operating system's browser. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export const vaultNameSchema = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9][a-z0-9._-]{0,63}$/,
      'a vault name is 1–64 characters of a–z, 0–9, ".", "_" and "-", starting with a letter or digit',
    ),
  );

export const vaultValueSchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, {
    error: 'a vault value must be bytes (Uint8Array)',
  })
  .check(
    z.refine((v) => v.byteLength > 0, 'a vault value must not be empty'),
    z.refine(
      (v) => v.byteLength <= MAX_VAULT_VALUE_BYTES,
      `a vault value holds at most ${MAX_VAULT_VALUE_BYTES} bytes`,
    ),
  );

/**
 * An address the app may open in the system browser: http or https, no credentials, no
 * whitespace or control characters. Main re-parses it with a real URL parser before use.
 */
export const externalUrlSchema = z.string().check(
  z.maxLength(MAX_EXTERNAL_URL_LENGTH, `a link is at most ${MAX_EXTERNAL_URL_LENGTH} characters`),
  z.regex(/^https?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/i, 'only http and https links can be opened'),
  z.refine((v) => !hasControlCharacter(v), 'a link must not contain control characters'),
);

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export const platformSchema = z.enum(['linux', 'darwin', 'win32', 'web']);

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: platformSchema,
  host: z.enum(['electron', 'web']),
  versions: z.record(z.string(), z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * How the vault protects secrets at rest. `protectedAtRest` is false when Linux has no
 * keyring and Electron falls back to `basic_text`, a fixed password: the UI must say so.
 */
export const vaultStatusSchema = z.object({
  available: z.boolean(),
  backend: z.string(),
  protectedAtRest: z.boolean(),
  explanation: z.string(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

type ChannelSpec = { args: z.ZodMiniTuple; result: z.ZodMiniType };

/** The one map of IPC channels: their argument tuples and result types. */
export const contract = {
  'app:info': { args: z.tuple([]), result: appInfoSchema },
  'app:recycle': { args: z.tuple([]), result: z.null() },
  'app:setUnread': { args: z.tuple([unreadSchema]), result: z.null() },
  'vault:status': { args: z.tuple([]), result: vaultStatusSchema },
  'vault:get': { args: z.tuple([vaultNameSchema]), result: z.nullable(vaultValueSchema) },
  'vault:set': { args: z.tuple([vaultNameSchema, vaultValueSchema]), result: z.null() },
  'vault:delete': { args: z.tuple([vaultNameSchema]), result: z.null() },
  'shell:openExternal': { args: z.tuple([externalUrlSchema]), result: z.null() },
  /** Shows a text-only notification; false when muted or unsupported. */
  'notify:show': { args: z.tuple([notificationRequestSchema]), result: z.boolean() },
} satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelArgs<C extends ChannelName> = z.infer<Contract[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.infer<Contract[C]['result']>;

type Namespace = ChannelName extends `${infer N}:${string}` ? N : never;

/** The typed bridge the preload exposes as `window.fellows`, derived from the contract. */
export type FellowsBridge = {
  [N in Namespace]: {
    [C in ChannelName as C extends `${N}:${infer A}` ? A : never]: (
      ...args: ChannelArgs<C>
    ) => Promise<Result<ChannelResult<C>>>;
  };
} & {
  /** Listens for an event main pushes (`events.ts`); returns the function that stops it. */
  on: SubscribeToEvent;
};
