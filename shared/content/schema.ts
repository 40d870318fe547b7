/**
 * The layout of a group's content doc (DESIGN §4): four root Y.Maps whose values are single
 * JSON objects, never nested Yjs types (a nested Y.Map per message costs ~3× the heap, and
 * nested types would give other members places to write that no key rule covers).
 *
 * - `messages`  `${c}:${n}`            → MessageValue   write-once
 * - `edits`     `${c}:${n}` (message)  → EditValue      rewritable by its author, last wins
 * - `deletes`   `${c}:${n}` (message)  → DeleteValue    write-once tombstone
 * - `reactions` `${c}:${id}:${emoji}`  → ReactionValue  rewritable (toggle) by its author
 *
 * `c` is always the writer's own Yjs clientID: see keys.ts and validate.ts.
 */
import { z } from '../zod.ts';
import { parseMessageId, parseReactionKey } from './keys.ts';

/** The names of the four root maps; nothing else may be written. */
export const ROOT_NAMES = ['messages', 'edits', 'deletes', 'reactions'] as const;
export type RootName = (typeof ROOT_NAMES)[number];

/** Longest message or edit text, in UTF-16 code units (what `string.length` counts). */
export const MAX_TEXT_LENGTH = 8000;
/** Most people one message may mention. */
export const MAX_MENTIONS = 50;

/** Maps whose entries are written once: a message is never rewritten, a delete never undone. */
export const WRITE_ONCE_ROOTS: ReadonlySet<RootName> = new Set(['messages', 'deletes']);

/** True for one of the four root map names. */
export function isRootName(name: string): name is RootName {
  return (ROOT_NAMES as readonly string[]).includes(name);
}

// Texts are stored trimmed by the writer; a peer accepts any text that is non-blank and fits.
const text = z.string().check(
  z.maxLength(MAX_TEXT_LENGTH),
  z.refine((value) => value.trim().length > 0, 'text is blank'),
);
/** The author's hybrid-logical-clock time in ms: a non-negative safe integer. */
const at = z.int().check(z.nonnegative());
const messageIdField = z
  .string()
  .check(z.refine((value) => parseMessageId(value) !== null, 'bad id'));
/** A person key: 32 bytes as lower-case hex, as `toHex` writes it. */
const personKey = z.string().check(z.regex(/^[0-9a-f]{64}$/u));

export const messageValue = z.strictObject({
  text,
  at,
  replyTo: z.optional(messageIdField),
  mentions: z.optional(
    z.array(personKey).check(
      z.maxLength(MAX_MENTIONS),
      z.refine((keys) => new Set(keys).size === keys.length, 'duplicate mention'),
    ),
  ),
});
export const editValue = z.strictObject({ text, at });
export const deleteValue = z.strictObject({ at });
export const reactionValue = z.strictObject({ on: z.boolean(), at });

export type MessageValue = z.infer<typeof messageValue>;
export type EditValue = z.infer<typeof editValue>;
export type DeleteValue = z.infer<typeof deleteValue>;
export type ReactionValue = z.infer<typeof reactionValue>;

const valueSchemas = {
  messages: messageValue,
  edits: editValue,
  deletes: deleteValue,
  reactions: reactionValue,
} as const;

/**
 * Checks a decoded JSON value against its map's schema. Yjs decodes objects by assigning keys
 * one by one, so a `__proto__` key sets the object's prototype, and zod reads inherited
 * fields: require plain objects so a value means the same to every peer and every encoder.
 */
export function isValidValue(root: RootName, value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  return valueSchemas[root].safeParse(value).success;
}

/** Parses a value already in the doc; null if it does not fit (the view then ignores it). */
export function parseValue<R extends RootName>(
  root: R,
  value: unknown,
): z.infer<(typeof valueSchemas)[R]> | null {
  if (!isPlainObject(value)) return null;
  const parsed = valueSchemas[root].safeParse(value);
  return parsed.success ? (parsed.data as z.infer<(typeof valueSchemas)[R]>) : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Whether `key` is well formed for `root`, ignoring who wrote it (validate.ts checks the
 * prefix first, so a foreign key is reported as foreign rather than malformed).
 */
export function isWellFormedKey(root: RootName, key: string): boolean {
  if (root === 'reactions') return parseReactionKey(key) !== null;
  return parseMessageId(key) !== null;
}
