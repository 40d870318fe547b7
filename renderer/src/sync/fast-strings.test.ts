import fc from 'fast-check';
import * as string from 'lib0/string';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { speedUpYjsStrings } from './fast-strings.ts';

const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const outcome = (decode: () => string) => {
  try {
    return { text: decode() };
  } catch (error) {
    return { refused: (error as Error).name };
  }
};

describe('speedUpYjsStrings', () => {
  speedUpYjsStrings();
  speedUpYjsStrings();
  const decoder = string.utf8TextDecoder as TextDecoder;

  it('changes lib0’s decoder only', () => {
    expect(Object.hasOwn(decoder, 'decode')).toBe(true);
    expect(Object.hasOwn(TextDecoder.prototype, 'fellowsFast')).toBe(false);
  });

  it('reads any bytes exactly as the native decoder does, or refuses them alike', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300, max: 0x7f }),
      fc.string({ unit: 'binary', maxLength: 120 }).map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        expect(outcome(() => decoder.decode(input))).toEqual(
          outcome(() => reference.decode(input)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves Yjs documents as they were', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('messages');
    map.set('a', { text: 'plain words', n: 1 });
    map.set('b', { text: '明天见 🙂', list: ['x', 'ünïcode'] });
    map.set('c'.repeat(300), 'long key, long value '.repeat(20));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('messages').toJSON()).toEqual(map.toJSON());
  });
});
