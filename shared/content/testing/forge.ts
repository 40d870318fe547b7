// Test fixtures: hand-built Yjs updates, for forgeries no honest Y.Doc would ever produce
// (a parent given as an ID, two sections for one client, a right origin, a GC struct…).
// Used by tests only; they encode exactly as Yjs 13.6.33 does (Item.write, writeDeleteSet).
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** One struct to encode: an item, or a GC/Skip placeholder of some length. */
export type ForgedStruct =
  | {
      kind: 'item';
      origin?: Y.ID;
      rightOrigin?: Y.ID;
      /** A root map's name, or the ID of a nested type's item. Ignored when an origin is set. */
      parent?: string | Y.ID;
      key?: string;
      content: ForgedContent;
    }
  | { kind: 'gc' | 'skip'; length: number };

/** Contents a forged item can carry (Yjs's content classes share no declared base class). */
export type ForgedContent = Y.ContentAny | Y.ContentDeleted | Y.ContentString | Y.ContentBinary;

export type ForgedSection = { client: number; clock: number; structs: ForgedStruct[] };
export type ForgedDelete = { client: number; ranges: Array<[clock: number, len: number]> };

/** A value as Yjs stores one map value. */
export function json(value: unknown): ForgedContent {
  return new Y.ContentAny([value]);
}

/** Encodes sections and deletes as a v1 update, exactly the way Yjs lays one out. */
export function forgeUpdate(sections: ForgedSection[], deletes: ForgedDelete[] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, sections.length);
  for (const { client, clock, structs } of sections) {
    encoding.writeVarUint(encoder.restEncoder, structs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, clock);
    let at = clock;
    for (const struct of structs) {
      const built = build(client, at, struct);
      built.write(encoder, 0);
      at += built.length;
    }
  }
  encoding.writeVarUint(encoder.restEncoder, deletes.length);
  for (const { client, ranges } of deletes) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

function build(client: number, clock: number, s: ForgedStruct): Y.Item | Y.GC | Y.Skip {
  const id = Y.createID(client, clock);
  if (s.kind !== 'item') return s.kind === 'gc' ? new Y.GC(id, s.length) : new Y.Skip(id, s.length);
  // Item.write accepts a root name as a string parent (the "differential updates" case);
  // the declared type does not say so, hence the cast.
  const parent = (s.parent ?? null) as Y.ID | null;
  return new Y.Item(
    id,
    null,
    s.origin ?? null,
    null,
    s.rightOrigin ?? null,
    parent,
    s.key ?? null,
    asItemContent(s.content),
  );
}

/** Yjs's content classes implement AbstractContent without extending it (see Item.js). */
function asItemContent(content: object): Y.Item['content'] {
  return content as Y.Item['content'];
}
