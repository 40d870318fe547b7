/**
 * What the UI shows of the content doc. Values are parsed again here: validation guards what
 * peers send, but a view must not trust a doc loaded from elsewhere (a snapshot) blindly, and
 * an entry that does not fit is simply not shown. Edits, deletes and reactions count only for
 * a message that exists; ordering is the engine's business.
 */
import type * as Y from 'yjs';
import { parseMessageId, parseReactionKey } from './keys.ts';
import { parseValue } from './schema.ts';

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

/** The ids of every message in the doc, in no particular order. */
export function listMessageIds(doc: Y.Doc): string[] {
  const ids: string[] = [];
  for (const id of doc.getMap('messages').keys()) {
    if (parseMessageId(id) !== null) ids.push(id);
  }
  return ids;
}

/** One message's view, or null if there is no valid message with that id. */
export function readMessage(doc: Y.Doc, id: string): MessageView | null {
  return readMessages(doc, [id])[0] ?? null;
}

/**
 * Views for a page of messages, in the order of `ids`, skipping ids with no valid message.
 * Reactions are indexed once per call, so ask for a page at a time rather than one by one.
 */
export function readMessages(doc: Y.Doc, ids: readonly string[]): MessageView[] {
  const index = indexReactions(doc);
  const views: MessageView[] = [];
  for (const id of ids) {
    const view = viewOf(doc, id, index);
    if (view !== null) views.push(view);
  }
  return views;
}

/** Groups live reactions (`on: true`) by message and emoji. */
export function indexReactions(doc: Y.Doc): ReactionIndex {
  const index = new Map<string, Map<string, number[]>>();
  for (const [key, value] of doc.getMap('reactions').entries()) {
    const parts = parseReactionKey(key);
    if (parts === null || parseValue('reactions', value)?.on !== true) continue;
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

function viewOf(doc: Y.Doc, id: string, index: ReactionIndex): MessageView | null {
  const parts = parseMessageId(id);
  const message = parseValue('messages', doc.getMap('messages').get(id));
  if (parts === null || message === null) return null;
  const base = { id, author: parts.client, at: message.at };
  const tombstone = parseValue('deletes', doc.getMap('deletes').get(id));
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
  const edit = parseValue('edits', doc.getMap('edits').get(id));
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
