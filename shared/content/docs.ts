/**
 * A group's content as this device holds it: one Yjs doc per epoch (docs/architecture.md,
 * "One content doc per epoch"). A content blob's update goes into the doc of the epoch it was
 * sealed in, so a member who may read only some epochs (history "from join") holds whole docs
 * and never a doc with holes, which Yjs cannot integrate. Edits, deletes and reactions name
 * message ids, so one may land in a later epoch's doc than its message; view.ts merges them.
 */
import * as Y from 'yjs';
import { createContentDoc, reassertClientId } from './writer.ts';
import { hasPending } from './yjs-internals.ts';

export type ContentDocs = {
  readonly clientId: number;
  /** The doc of an epoch, created empty the first time it is asked for. */
  of(epoch: number): Y.Doc;
  get(epoch: number): Y.Doc | undefined;
  /** Every doc held, by epoch, in no particular order. */
  entries(): [number, Y.Doc][];
  /**
   * Runs `work` inside one transaction of each doc held (DESIGN §5: batches apply ten times
   * faster than single updates). A doc made during `work` applies update by update.
   */
  transact(work: () => void, origin: unknown): void;
  /** Whether Yjs parked structs or deletes in any doc: the engine then rebuilds. */
  pending(): boolean;
  /** Puts the device's clientID back in every doc (loading our own history changes it). */
  reassert(): void;
  destroy(): void;
};

export function createContentDocs(clientId: number): ContentDocs {
  const docs = new Map<number, Y.Doc>();
  const of = (epoch: number): Y.Doc => {
    let doc = docs.get(epoch);
    if (!doc) {
      doc = createContentDoc(clientId);
      docs.set(epoch, doc);
    }
    return doc;
  };
  return {
    clientId,
    of,
    get: (epoch) => docs.get(epoch),
    entries: () => [...docs],
    transact(work, origin) {
      const wrapped = [...docs.values()].reduceRight<() => void>(
        (inner, doc) => () => {
          Y.transact(doc, inner, origin, false);
        },
        work,
      );
      wrapped();
    },
    pending: () => [...docs.values()].some((doc) => hasPending(doc)),
    reassert() {
      for (const doc of docs.values()) reassertClientId(doc, clientId);
    },
    destroy() {
      for (const doc of docs.values()) doc.destroy();
      docs.clear();
    },
  };
}
