import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applySegments, encodeSegments } from './segments.ts';

const now = () => Promise.resolve();

/** What a doc holds, as a reader sees it: every root's JSON, and its state vector. */
const contents = (doc: Y.Doc) => ({
  maps: Object.fromEntries(['messages', 'edits'].map((n) => [n, doc.getMap(n).toJSON()])),
  list: doc.getArray('list').toJSON(),
  vector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]),
});

async function reload(doc: Y.Doc, perSegment?: number) {
  const copy = new Y.Doc({ gc: doc.gc });
  await applySegments(copy, encodeSegments(doc, perSegment), 'load', now);
  return copy;
}

/** One step a device takes: writes, overwrites (its own or another's key), deletes, syncs. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), who: fc.nat(2), key: fc.nat(6), value: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.nat(2), key: fc.nat(6) }),
  fc.record({ kind: fc.constant('push' as const), who: fc.nat(2), value: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), who: fc.nat(2), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }),
);

describe('a content doc in segments', () => {
  it('loads as the same doc, whatever was written, deleted and synced, and however it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (steps, per, gc) => {
          // Without gc, deleted items keep their content and only the delete set says so.
          const docs = [1, 2, 3].map((client) => {
            const doc = new Y.Doc({ gc });
            doc.clientID = client * 1000;
            return doc;
          });
          const at = (k: number) => docs[k] as Y.Doc;
          for (const s of steps) {
            if (s.kind === 'set') at(s.who).getMap('messages').set(`k${s.key}`, { v: s.value });
            else if (s.kind === 'delete') at(s.who).getMap('messages').delete(`k${s.key}`);
            else if (s.kind === 'push') at(s.who).getArray('list').push([s.value]);
            else if (s.kind === 'cut') {
              const list = at(s.who).getArray('list');
              if (list.length > 0) list.delete(s.at % list.length, 1);
            } else {
              Y.applyUpdate(
                at(s.to),
                Y.encodeStateAsUpdate(at(s.from), Y.encodeStateVector(at(s.to))),
              );
            }
          }
          // One device that heard from everyone, so its structs depend on each other's.
          for (const other of docs.slice(1)) Y.applyUpdate(at(0), Y.encodeStateAsUpdate(other));
          const copy = await reload(at(0), per);
          expect(contents(copy)).toEqual(contents(at(0)));
          expect(copy.store.pendingStructs).toBeNull();
          expect(copy.store.pendingDs).toBeNull();
          // What it would send a peer is the same too.
          expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(at(0)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('cuts a large doc into segments of the size asked, plus the delete set', () => {
    const doc = new Y.Doc();
    const messages = doc.getMap('messages');
    for (let n = 0; n < 1000; n++) messages.set(`m${n}`, { text: `message ${n}` });
    messages.delete('m5');
    const segments = encodeSegments(doc, 100);
    expect(segments).toHaveLength(11);
    const meta = segments.slice(0, -1).map((s) => Y.parseUpdateMeta(s));
    expect(
      meta.map((m) => (m.to.get(doc.clientID) ?? 0) - (m.from.get(doc.clientID) ?? 0)),
    ).toEqual(Array<number>(10).fill(100));
    expect(Y.decodeUpdate(segments.at(-1) as Uint8Array).structs).toHaveLength(0);
  });

  it('yields between segments, and an empty doc is one empty segment and its delete set', async () => {
    const doc = new Y.Doc();
    for (let n = 0; n < 30; n++) doc.getMap('messages').set(`m${n}`, n);
    const pauses: number[] = [];
    const copy = new Y.Doc();
    await applySegments(copy, encodeSegments(doc, 10), null, () => {
      pauses.push(copy.getMap('messages').size);
      return Promise.resolve();
    });
    expect(pauses).toEqual([10, 20, 30]);
    expect(encodeSegments(new Y.Doc())).toHaveLength(2);
    expect((await reload(new Y.Doc())).getMap('messages').size).toBe(0);
  });
});
