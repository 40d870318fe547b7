import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, reader, writer } from './wire.ts';

describe('wire codec', () => {
  it('round-trips what it writes', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.uint8Array({ maxLength: 100 }),
        fc.string({ maxLength: 50 }),
        (n, bytes, text) => {
          const encoded = writer().u8(7).uint(n).bytes(bytes).string(text).fixed(bytes).finish();
          const r = reader(encoded);
          expect(r.u8()).toBe(7);
          expect(r.uint()).toBe(n);
          expect(r.bytes(100)).toEqual(bytes);
          expect(r.string(200)).toBe(text);
          expect(r.fixed(bytes.length)).toEqual(bytes);
          r.end();
        },
      ),
    );
  });

  it('throws only DecodeError on any input, and enforces limits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const r = reader(input);
        try {
          r.uint(1000);
          r.bytes(8);
          r.string(8);
          r.end();
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to read a byte past the end', () => {
    expect(() => reader(new Uint8Array(0)).u8()).toThrow(DecodeError);
  });

  it('refuses oversized lengths before allocating, trailing bytes and bad UTF-8', () => {
    expect(() => reader(writer().bytes(new Uint8Array(10)).finish()).bytes(9)).toThrow(DecodeError);
    expect(() =>
      reader(
        writer()
          .uint(2 ** 40)
          .finish(),
      ).bytes(1 << 20),
    ).toThrow(/above/);
    const trailing = reader(new Uint8Array([1, 2]));
    trailing.u8();
    expect(() => {
      trailing.end();
    }).toThrow(/trailing/);
    expect(() =>
      reader(
        writer()
          .bytes(new Uint8Array([0xff, 0xfe]))
          .finish(),
      ).string(10),
    ).toThrow(DecodeError);
  });
});
