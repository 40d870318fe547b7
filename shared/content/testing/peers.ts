// Test fixtures: devices holding a content doc, and helpers that deliver updates the way the
// sync engine does (validate against the live doc, then apply). Used by tests only.
import * as Y from 'yjs';
import type { Result } from '../../result.ts';
import { applyUpdates } from '../apply.ts';
import { validateUpdate, type ContentVerdict } from '../validate.ts';
import { listMessageIds, readMessages, type MessageView } from '../view.ts';
import { equalBytes } from '../../crypto/bytes.ts';
import { createContentDoc, reassertClientId, type ContentError } from '../writer.ts';

export const ALICE = 1_111;
export const BOB = 2_222;
export const CAROL = 3_333;
export const MALLORY = 9_999;

/** A person's key as a mention carries it. */
export const personKey = (digit: string): string => digit.repeat(64);

/** A device: its stable clientID, its doc, and every update it wrote, in order. */
export type Device = { id: number; doc: Y.Doc; sent: Uint8Array[] };

export function device(id: number): Device {
  return { id, doc: createContentDoc(id), sent: [] };
}

/** The value of a writer's result; throws (failing the test) if it refused. */
export function must<T extends { update: Uint8Array }>(
  from: Device,
  result: Result<T, ContentError>,
): T {
  if (!result.ok) throw result.error;
  from.sent.push(result.value.update);
  return result.value;
}

/** Validates `update` as written by `author` and applies it if accepted. */
export function deliver(to: Device, update: Uint8Array, author: number): ContentVerdict {
  const verdict = validateUpdate(to.doc, update, author);
  if (verdict.ok) {
    const applied = applyUpdates(to.doc, [update], to.id);
    if (!applied.ok) throw applied.error;
  }
  return verdict;
}

/** Delivers everything `from` wrote that `to` has not got yet (duplicates are skipped). */
export function catchUp(to: Device, from: Device): void {
  for (const update of from.sent) {
    const verdict = deliver(to, update, from.id);
    if (!verdict.ok && verdict.reason !== 'duplicate') {
      throw new Error(`${verdict.reason}: ${verdict.detail}`);
    }
  }
}

/** Every message's view, sorted by id: what two converged devices must agree on. */
export function allViews(doc: Y.Doc): MessageView[] {
  return readMessages(doc, listMessageIds(doc).sort());
}

/** Everything observable about a doc: its full state and its views. */
export function observe(doc: Y.Doc): { state: Uint8Array; views: MessageView[] } {
  return { state: Y.encodeStateAsUpdate(doc), views: allViews(doc) };
}

/**
 * What a copy of `from`'s doc emits for one change made directly on Yjs, bypassing the writer:
 * how a member who patched their app would forge. A copy, so each forgery starts at the clock
 * peers expect next from that device.
 */
export function forged(from: Device, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = createContentDoc(from.id);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from.doc));
  reassertClientId(doc, from.id);
  const captured: Uint8Array[] = [];
  const listener = (update: Uint8Array) => {
    captured.push(update);
  };
  doc.on('update', listener);
  doc.transact(() => {
    change(doc);
  });
  doc.off('update', listener);
  const [update, ...more] = captured;
  if (update === undefined || more.length > 0) throw new Error('expected exactly one update');
  return update;
}

/**
 * How `to` judges an update, and whether judging left everything observable as it was: the
 * full state, the views and the set of root types.
 */
export function judge(
  to: Device,
  update: Uint8Array,
  author: number,
): { verdict: string; unchanged: boolean } {
  const before = observe(to.doc);
  const roots = [...to.doc.share.keys()].join();
  const verdict = validateUpdate(to.doc, update, author);
  const after = observe(to.doc);
  const unchanged =
    equalBytes(before.state, after.state) &&
    JSON.stringify(before.views) === JSON.stringify(after.views) &&
    [...to.doc.share.keys()].join() === roots;
  return { verdict: verdict.ok ? 'accepted' : verdict.reason, unchanged };
}
