/**
 * Writing to a group's content doc: each function makes one change in one transaction and
 * returns the Yjs update it produced, which the engine seals into one blob. The writers refuse
 * what peers' validators would refuse (validate.ts), plus what makes no sense to a person
 * (editing a message nobody has), so an honest device never sends a blob that is rejected —
 * a rejected blob would leave a gap in the device's clocks that blocks all its later ones.
 */
import * as Y from 'yjs';
import type { ContentRefusal } from '../refusal.ts';
import { err, ok, type Result } from '../result.ts';
import {
  isClientId,
  isOwnKey,
  isValidEmoji,
  messageId,
  parseMessageId,
  reactionKey,
} from './keys.ts';
import {
  isValidValue,
  MAX_MENTIONS,
  MAX_TEXT_LENGTH,
  ROOT_NAMES,
  type MessageValue,
} from './schema.ts';
import { currentEntry, everyKey } from './yjs-internals.ts';

export type ContentErrorReason = ContentRefusal;

/** A change the writer refuses, with the reason in words for the person who tried it. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(
    readonly reason: ContentErrorReason,
    message: string,
  ) {
    super(message);
  }

  /** The code the UI words (shared/refusal.ts). */
  get refusal(): ContentRefusal {
    return this.reason;
  }
}

/** What a new message carries; `at` is the author's hybrid-logical-clock time in ms. */
export type NewMessage = { text: string; at: number; replyTo?: string; mentions?: string[] };

/** A change made: the Yjs update to seal and send. */
export type Written = { update: Uint8Array };

/** The transaction origin of local writes, so observers can tell them from remote ones. */
export const LOCAL_WRITE = Symbol('fellows/content/local-write');

const ownIds = new WeakMap<Y.Doc, number>();

/**
 * A content doc that writes under `clientId` (the device's stable clientID for this group).
 * `gc` stays on: deleted entries keep their parent and key (only their content is dropped),
 * which is all validation needs to resolve origins, and rewritten reactions and edits then cost
 * no memory. Messages are never Yjs-deleted (a delete is a tombstone entry), so nothing a person
 * wrote is lost to gc; and a GC struct, which would lose the key, only replaces items of a
 * deleted nested type, of which the content doc has none.
 */
export function createContentDoc(clientId: number): Y.Doc {
  if (!isClientId(clientId)) throw new RangeError(`not a Yjs clientID: ${clientId}`);
  const doc = new Y.Doc({ gc: true });
  // Define every root map now: when an update names a root Yjs does not know yet, applying
  // it would create a plain AbstractType under that name.
  for (const name of ROOT_NAMES) doc.getMap(name);
  reassertClientId(doc, clientId);
  return doc;
}

/**
 * Puts the device's stable clientID back. Yjs silently picks a new random one when a remote
 * transaction advances the doc's own clientID, which is what loading our own history does.
 */
export function reassertClientId(doc: Y.Doc, clientId: number): void {
  if (!isClientId(clientId)) throw new RangeError(`not a Yjs clientID: ${clientId}`);
  ownIds.set(doc, clientId);
  doc.clientID = clientId;
}

/** The clientID this doc writes under, restored first if Yjs changed it. */
function ownClientId(doc: Y.Doc): number {
  const id = ownIds.get(doc);
  if (id !== undefined && doc.clientID !== id) doc.clientID = id;
  return doc.clientID;
}

/**
 * The last counter known per doc, valid while the device's Yjs state is unchanged: the device's
 * own entries change only through its own writes or by loading its own history, and both
 * advance that state. Saves a scan of every key per message sent.
 */
const counters = new WeakMap<Y.Doc, { client: number; state: number; last: number }>();

/**
 * Runs `change` in one transaction and returns exactly that transaction's update. Not
 * `encodeStateAsUpdate(doc, before)`: that carries the delete set of the WHOLE doc, other
 * members' overwritten entries included, which every peer would refuse as foreign deletes.
 */
function capture(doc: Y.Doc, change: () => void): Uint8Array {
  const client = doc.clientID;
  const before = Y.getState(doc.store, client);
  const captured: { update?: Uint8Array } = {};
  const listener = (update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL_WRITE) captured.update = update;
  };
  doc.on('update', listener);
  try {
    doc.transact(change, LOCAL_WRITE);
  } finally {
    doc.off('update', listener);
  }
  // Our own write cannot have added a message of ours unnoticed: keep the counter cache valid.
  const cached = counters.get(doc);
  if (cached?.client === client && cached.state === before) {
    cached.state = Y.getState(doc.store, client);
  }
  // Every write sets a key, so the transaction always has content: this is an invariant.
  if (captured.update === undefined) throw new Error('a content write produced no update');
  return captured.update;
}

function refuse<T>(reason: ContentErrorReason, message: string): Result<T, ContentError> {
  return err(new ContentError(reason, message));
}

function checkText(input: string): Result<string, ContentError> {
  const text = input.trim();
  if (text.length === 0) return refuse('empty-text', 'Write something first.');
  if (text.length > MAX_TEXT_LENGTH) {
    return refuse('text-too-long', `Keep messages to ${MAX_TEXT_LENGTH} characters or fewer.`);
  }
  return ok(text);
}

function checkTime(at: number): ContentError | null {
  return Number.isSafeInteger(at) && at >= 0
    ? null
    : new ContentError('bad-time', 'The time of a change must be a non-negative integer.');
}

/** The highest message counter this device used in one doc, read from the doc. */
function lastCounter(doc: Y.Doc, client: number): number {
  const state = Y.getState(doc.store, client);
  const cached = counters.get(doc);
  if (cached?.client === client && cached.state === state) return cached.last;
  let max = 0;
  // Every key ever held, so an id whose entry was deleted is never handed out again.
  for (const key of everyKey(doc, 'messages')) {
    const parts = isOwnKey(key, client) ? parseMessageId(key) : null;
    if (parts !== null && parts.client === client && parts.n > max) max = parts.n;
  }
  counters.set(doc, { client, state, last: max });
  return max;
}

/** The next counter for this device: one past the highest it used in any of its docs. */
function nextCounter(docs: readonly Y.Doc[], client: number): number {
  return Math.max(...docs.map((doc) => lastCounter(doc, client))) + 1;
}

/** The doc a change is written to, then the group's other docs (which may include it). */
function withOthers(doc: Y.Doc, others: readonly Y.Doc[]): Y.Doc[] {
  return [doc, ...others.filter((other) => other !== doc)];
}

function hasMessage(docs: readonly Y.Doc[], id: string): boolean {
  return docs.some((doc) => doc.getMap('messages').get(id) !== undefined);
}

function isDeleted(docs: readonly Y.Doc[], id: string): boolean {
  return docs.some((doc) => currentEntry(doc, 'deletes', id) !== undefined);
}

/**
 * Sends a message; returns its id (`${clientId}:${n}`) and the update to publish. `others`
 * are the group's docs of other epochs (docs.ts): ids stay unique across them, and a reply
 * may answer a message in any of them. The same holds for the other writers.
 */
export function sendMessage(
  doc: Y.Doc,
  message: NewMessage,
  others: readonly Y.Doc[] = [],
): Result<Written & { id: string }, ContentError> {
  const docs = withOthers(doc, others);
  const client = ownClientId(doc);
  const text = checkText(message.text);
  if (!text.ok) return text;
  const timeError = checkTime(message.at);
  if (timeError !== null) return err(timeError);
  const value: MessageValue = { text: text.value, at: message.at };
  if (message.replyTo !== undefined) {
    if (!hasMessage(docs, message.replyTo)) {
      return refuse('bad-reply', 'The message you are replying to is not here.');
    }
    value.replyTo = message.replyTo;
  }
  if (message.mentions !== undefined && message.mentions.length > 0) {
    const mentions = [...new Set(message.mentions)];
    if (mentions.length > MAX_MENTIONS) {
      return refuse('bad-mentions', `Mention at most ${MAX_MENTIONS} people in one message.`);
    }
    value.mentions = mentions;
  }
  if (!isValidValue('messages', value)) return refuse('bad-mentions', 'A mention is malformed.');
  const n = nextCounter(docs, client);
  const id = messageId(client, n);
  const update = capture(doc, () => doc.getMap('messages').set(id, value));
  counters.set(doc, { client, state: Y.getState(doc.store, client), last: n });
  return ok({ id, update });
}

/** Checks that `id` is a live message of this device, for edits and deletes. */
function ownLiveMessage(docs: readonly Y.Doc[], id: string, client: number): ContentError | null {
  if (!hasMessage(docs, id))
    return new ContentError('unknown-message', 'That message is not here.');
  if (parseMessageId(id)?.client !== client) {
    return new ContentError('not-author', 'Only its author can change a message.');
  }
  if (isDeleted(docs, id)) return new ContentError('deleted', 'That message was deleted.');
  return null;
}

/** Replaces the text of one of this device's messages (the latest edit wins). */
export function editMessage(
  doc: Y.Doc,
  id: string,
  text: string,
  at: number,
  others: readonly Y.Doc[] = [],
): Result<Written, ContentError> {
  const client = ownClientId(doc);
  const problem = ownLiveMessage(withOthers(doc, others), id, client) ?? checkTime(at);
  if (problem !== null) return err(problem);
  const checked = checkText(text);
  if (!checked.ok) return checked;
  const update = capture(doc, () => doc.getMap('edits').set(id, { text: checked.value, at }));
  return ok({ update });
}

/** Marks one of this device's messages deleted: views hide its text from then on. */
export function deleteMessage(
  doc: Y.Doc,
  id: string,
  at: number,
  others: readonly Y.Doc[] = [],
): Result<Written, ContentError> {
  const client = ownClientId(doc);
  const problem = ownLiveMessage(withOthers(doc, others), id, client) ?? checkTime(at);
  if (problem !== null) return err(problem);
  const update = capture(doc, () => doc.getMap('deletes').set(id, { at }));
  return ok({ update });
}

/** Turns this device's reaction `emoji` to a message on or off. */
export function setReaction(
  doc: Y.Doc,
  id: string,
  emoji: string,
  on: boolean,
  at: number,
  others: readonly Y.Doc[] = [],
): Result<Written, ContentError> {
  const client = ownClientId(doc);
  const docs = withOthers(doc, others);
  if (!hasMessage(docs, id)) return refuse('unknown-message', 'That message is not here.');
  if (isDeleted(docs, id)) return refuse('deleted', 'That message was deleted.');
  if (!isValidEmoji(emoji)) return refuse('bad-emoji', 'That is not an emoji we can show.');
  const timeError = checkTime(at);
  if (timeError !== null) return err(timeError);
  const key = reactionKey(client, id, emoji);
  const update = capture(doc, () => doc.getMap('reactions').set(key, { on, at }));
  return ok({ update });
}
