// readTexts (shared/content/view.ts) is the search index's fast read: it must say what
// readMessages says about every message's text, across epochs' docs, edits and deletes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessages, readTexts } from '../content/view.ts';
import { createContentDoc, deleteMessage, editMessage, sendMessage } from '../content/writer.ts';

type Op = { kind: 'send' | 'edit' | 'delete'; doc: number; pick: number; text: string };

const op = fc.record({
  kind: fc.constantFrom('send' as const, 'send' as const, 'edit' as const, 'delete' as const),
  doc: fc.nat({ max: 1 }),
  pick: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 8 }).map((t) => `${t}!`),
});

describe('readTexts', () => {
  it('agrees with readMessages on text and deletion, over two epochs’ docs, read in bulk or one by one', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops: Op[]) => {
        const docs = [createContentDoc(1), createContentDoc(1)];
        const ids: string[] = [];
        ops.forEach((o, at) => {
          const doc = docs[o.doc]!;
          const id = ids[o.pick % Math.max(1, ids.length)];
          if (o.kind === 'send') {
            const sent = sendMessage(doc, { text: o.text, at }, docs);
            if (sent.ok) ids.push(sent.value.id);
          } else if (id !== undefined && o.kind === 'edit') {
            editMessage(doc, id, o.text, at, docs);
          } else if (id !== undefined) {
            deleteMessage(doc, id, at, docs);
          }
        });
        const wanted = [...ids, '1:999', 'not an id'];
        // Many at once (edits and deletes walked once) says what one at a time says.
        expect(readTexts(docs, wanted)).toEqual(wanted.flatMap((id) => readTexts(docs, [id])));
        expect(readTexts(docs, wanted)).toEqual(
          readMessages(docs, wanted).map((v) => ({
            id: v.id,
            author: v.author,
            text: v.text,
            deleted: v.deleted,
          })),
        );
      }),
      { numRuns: 200 },
    );
  });
});
