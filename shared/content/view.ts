/**
 * What the UI shows of the content docs. Values are parsed again here: validation guards what
 * peers send, but a view must not trust a doc loaded from elsewhere (a snapshot) blindly, and
 * an entry that does not fit is simply not shown. Edits, deletes and reactions count only for
 * a message that exists; ordering is the engine's business.
 *
 * A group has one doc per epoch (docs.ts), passed here oldest epoch first. A message is read
 * from the first doc that has it; its latest edit and each reactor's latest toggle win across
 * docs (by time, then by the later doc); a delete in any doc deletes it.
 */
import type * as Y from 'yjs';
import { parseMessageId, parseReactionKey } from './keys.ts';
import { parseValue, type DeleteValue, type EditValue, type MessageValue } from './schema.ts';

/** One emoji on a message and who reacted with it, clientIDs ascending. */
export type ReactionView = { emoji: string; authors: number[] };

/** A message as a person sees it. A deleted message shows no text, mentions or reactions. */
export type MessageView = {
  id: string;
  /** The author device's Yjs clientID (the engine maps it to a person). */
  author: number;
  /** The latest edit's text if edited, '' if deleted. */
  text: string;
  edited: boolean;
  editedAt?: number;
  deleted: boolean;
  deletedAt?: number;
  replyTo?: string;
  mentions: string[];
  reactions: ReactionView[];
  /** The author's hybrid-logical-clock time when sending. */
  at: number;
};

/** Reactors per emoji for each message id, built from one pass over the reactions map. */
export type ReactionIndex = ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;

/** One doc, or a group's docs oldest epoch first. */
export type ContentSource = Y.Doc | readonly Y.Doc[];

function docsOf(source: ContentSource): readonly Y.Doc[] {
  return 'share' in source ? [source] : source;
}

/** The ids of every message in the docs, in no particular order, each once. */
export function listMessageIds(source: ContentSource): string[] {
  const ids = new Set<string>();
  for (const doc of docsOf(source)) {
    for (const id of doc.getMap('messages').keys()) {
      if (parseMessageId(id) !== null) ids.add(id);
    }
  }
  return [...ids];
}

/** One message's view, or null if there is no valid message with that id. */
export function readMessage(source: ContentSource, id: string): MessageView | null {
  return readMessages(source, [id])[0] ?? null;
}

/**
 * Views for a page of messages, in the order of `ids`, skipping ids with no valid message.
 * Reactions are indexed once per call, so ask for a page at a time rather than one by one.
 */
export function readMessages(source: ContentSource, ids: readonly string[]): MessageView[] {
  const docs = docsOf(source);
  const index = indexReactions(docs);
  const views: MessageView[] = [];
  for (const id of ids) {
    const view = viewOf(docs, id, index);
    if (view !== null) views.push(view);
  }
  return views;
}

/** A message's text and author, as the search index reads it (shared/search). */
export type TextView = { id: string; author: number; text: string; deleted: boolean };

/**
 * The text of each message in `ids`, in that order, skipping ids with no valid message: by the
 * same rules as `readMessages` (latest edit; '' once deleted), reading nothing else, so a
 * search index can read 100k messages in a fraction of the time.
 */
export function readTexts(source: ContentSource, ids: readonly string[]): TextView[] {
  const docs = docsOf(source);
  const messages = docs.map((doc) => doc.getMap('messages'));
  const deletes = docs.map((doc) => doc.getMap('deletes'));
  // Reading more messages than there are edits and deletes (a search index reads them all):
  // walk those once, rather than ask every map about every message.
  const sideEntries = docs.reduce(
    (sum, doc) => sum + doc.getMap('edits').size + doc.getMap('deletes').size,
    0,
  );
  const bulk =
    ids.length > sideEntries ? { deleted: deletedIds(docs), edits: latestEdits(docs) } : null;
  const texts: TextView[] = [];
  for (const id of ids) {
    const parts = parseMessageId(id);
    let message: MessageValue | null = null;
    for (const map of messages) {
      message = parseValue('messages', map.get(id));
      if (message !== null) break;
    }
    if (parts === null || message === null) continue;
    const deleted = bulk
      ? bulk.deleted.has(id)
      : deletes.some((map) => parseValue('deletes', map.get(id)) !== null);
    const edit = bulk ? bulk.edits.get(id) : latest(docs, 'edits', id);
    const text = deleted ? '' : (edit?.text ?? message.text);
    texts.push({ id, author: parts.client, text, deleted });
  }
  return texts;
}

/** Every message id with a valid delete in one of the docs. */
function deletedIds(docs: readonly Y.Doc[]): Set<string> {
  const ids = new Set<string>();
  for (const doc of docs)
    for (const [id, value] of doc.getMap('deletes').entries())
      if (parseValue('deletes', value) !== null) ids.add(id);
  return ids;
}

/** Each edited message's latest valid edit across the docs, as `latest` finds it. */
function latestEdits(docs: readonly Y.Doc[]): Map<string, EditValue> {
  const best = new Map<string, EditValue>();
  for (const doc of docs) {
    for (const [id, value] of doc.getMap('edits').entries()) {
      const edit = parseValue('edits', value);
      const known = best.get(id);
      if (edit !== null && (known === undefined || edit.at >= known.at)) best.set(id, edit);
    }
  }
  return best;
}

/** The latest valid value of `key` in `root` across the docs: by time, then the later doc. */
function latest<R extends 'edits' | 'reactions'>(
  docs: readonly Y.Doc[],
  root: R,
  key: string,
): ReturnType<typeof parseValue<R>> {
  let best: ReturnType<typeof parseValue<R>> = null;
  for (const doc of docs) {
    const value = parseValue(root, doc.getMap(root).get(key));
    if (value !== null && (best === null || value.at >= best.at)) best = value;
  }
  return best;
}

/** Groups live reactions (`on: true`) by message and emoji. */
export function indexReactions(source: ContentSource): ReactionIndex {
  const docs = docsOf(source);
  const index = new Map<string, Map<string, number[]>>();
  const keys = new Set<string>();
  for (const doc of docs) for (const key of doc.getMap('reactions').keys()) keys.add(key);
  for (const key of keys) {
    const parts = parseReactionKey(key);
    const value =
      docs.length === 1
        ? parseValue('reactions', docs[0]?.getMap('reactions').get(key))
        : latest(docs, 'reactions', key);
    if (parts === null || value?.on !== true) continue;
    let byEmoji = index.get(parts.messageId);
    if (byEmoji === undefined) {
      byEmoji = new Map();
      index.set(parts.messageId, byEmoji);
    }
    const authors = byEmoji.get(parts.emoji) ?? [];
    authors.push(parts.reactor);
    byEmoji.set(parts.emoji, authors);
  }
  return index;
}

function viewOf(docs: readonly Y.Doc[], id: string, index: ReactionIndex): MessageView | null {
  const parts = parseMessageId(id);
  let message: MessageValue | null = null;
  for (const doc of docs) {
    message = parseValue('messages', doc.getMap('messages').get(id));
    if (message !== null) break;
  }
  if (parts === null || message === null) return null;
  const base = { id, author: parts.client, at: message.at };
  let tombstone: DeleteValue | null = null;
  for (const doc of docs) {
    const value = parseValue('deletes', doc.getMap('deletes').get(id));
    if (value !== null && (tombstone === null || value.at < tombstone.at)) tombstone = value;
  }
  if (tombstone !== null) {
    return {
      ...base,
      text: '',
      edited: false,
      deleted: true,
      deletedAt: tombstone.at,
      mentions: [],
      reactions: [],
    };
  }
  const edit = latest(docs, 'edits', id);
  const view: MessageView = {
    ...base,
    text: edit?.text ?? message.text,
    edited: edit !== null,
    deleted: false,
    mentions: [...(message.mentions ?? [])],
    reactions: reactionsOf(index, id),
  };
  if (edit !== null) view.editedAt = edit.at;
  if (message.replyTo !== undefined) view.replyTo = message.replyTo;
  return view;
}

function reactionsOf(index: ReactionIndex, id: string): ReactionView[] {
  const byEmoji = index.get(id);
  if (byEmoji === undefined) return [];
  return [...byEmoji]
    .map(([emoji, authors]) => ({ emoji, authors: [...authors].sort((a, b) => a - b) }))
    .sort((a, b) => (a.emoji < b.emoji ? -1 : a.emoji > b.emoji ? 1 : 0));
}
