/**
 * Applying validated content updates. Batches go through ONE transaction (DESIGN §5: 100k
 * updates take 13.2 s one at a time, 1.3 s in batches of 1,000), and any sign that Yjs did not
 * integrate everything at once — a throw, parked structs or deletes — is reported so the engine
 * rebuilds the doc from the blob log rather than keep a doc that may be poisoned.
 */
import * as Y from 'yjs';
import { validateUpdate, type ContentVerdict } from './validate.ts';
import { createContentDoc, reassertClientId } from './writer.ts';
import { hasPending } from './yjs-internals.ts';

/** Updates per transaction when rebuilding: the batch size DESIGN §5 measured. */
export const BATCH_SIZE = 1000;

/** Transaction origin of applied remote updates. */
export const REMOTE_APPLY = Symbol('fellows/content/remote-apply');

/** Why Yjs could not be trusted with a batch: the engine rebuilds the doc. */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
  constructor(
    readonly problem: 'threw' | 'pending',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export type ApplyResult = { ok: true } | { ok: false; error: ApplyError };

/** One update with the clientID its verified signature binds it to. */
export type AuthoredUpdate = { update: Uint8Array; author: number };

export type BatchResult =
  | { ok: true; verdicts: ContentVerdict[] }
  | { ok: false; error: ApplyError; verdicts: ContentVerdict[] };

/**
 * Applies already-validated updates, in order, in one transaction; then checks that Yjs parked
 * nothing and puts the device's clientID back (loading our own history makes Yjs change it).
 */
export function applyUpdates(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  clientId: number,
): ApplyResult {
  return inOneTransaction(doc, clientId, () => {
    for (const update of updates) Y.applyUpdate(doc, update, REMOTE_APPLY);
  });
}

/**
 * Validates and applies a batch in one transaction. Each update is judged against the doc as
 * the updates before it left it (Yjs integrates synchronously inside a transaction), so a
 * device's consecutive updates can share a batch. Rejected updates are skipped; their
 * verdicts say why. If Yjs fails, verdicts cover the updates reached so far.
 */
export function validateAndApply(
  doc: Y.Doc,
  batch: readonly AuthoredUpdate[],
  clientId: number,
): BatchResult {
  const verdicts: ContentVerdict[] = [];
  const result = inOneTransaction(doc, clientId, () => {
    for (const { update, author } of batch) {
      const verdict = validateUpdate(doc, update, author);
      verdicts.push(verdict);
      if (verdict.ok) Y.applyUpdate(doc, update, REMOTE_APPLY);
    }
  });
  return result.ok ? { ok: true, verdicts } : { ok: false, error: result.error, verdicts };
}

/**
 * A fresh doc holding `updatesInOrder` (updates accepted before, in the order they were
 * applied), in batches of {@link BATCH_SIZE}: what the engine does when a doc is poisoned.
 */
export function rebuildDoc(
  clientId: number,
  updatesInOrder: readonly Uint8Array[],
): { ok: true; doc: Y.Doc } | { ok: false; error: ApplyError } {
  const doc = createContentDoc(clientId);
  for (let start = 0; start < updatesInOrder.length; start += BATCH_SIZE) {
    const result = applyUpdates(doc, updatesInOrder.slice(start, start + BATCH_SIZE), clientId);
    if (!result.ok) {
      doc.destroy();
      return result;
    }
  }
  return { ok: true, doc };
}

function inOneTransaction(doc: Y.Doc, clientId: number, apply: () => void): ApplyResult {
  if (hasPending(doc)) {
    return { ok: false, error: new ApplyError('pending', 'the doc already had parked updates') };
  }
  try {
    Y.transact(doc, apply, REMOTE_APPLY, false);
  } catch (error) {
    return { ok: false, error: new ApplyError('threw', `Yjs threw: ${String(error)}`, error) };
  } finally {
    reassertClientId(doc, clientId);
  }
  if (hasPending(doc)) {
    return { ok: false, error: new ApplyError('pending', 'Yjs parked structs or deletes') };
  }
  return { ok: true };
}
