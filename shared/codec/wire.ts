import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { fromUtf8 } from '../crypto/bytes.ts';

/** Input that is not a well-formed encoding of what was expected. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(readonly reason: string) {
    super(`malformed input: ${reason}`);
  }
}

/** Writes the compact binary forms of records (lib0 varints, length-prefixed bytes). */
export type Writer = {
  u8(value: number): Writer;
  uint(value: number): Writer;
  fixed(bytes: Uint8Array): Writer;
  bytes(bytes: Uint8Array): Writer;
  string(text: string): Writer;
  finish(): Uint8Array;
};

export function writer(): Writer {
  const encoder = encoding.createEncoder();
  const self: Writer = {
    u8: (value) => (encoding.writeUint8(encoder, value), self),
    uint: (value) => (encoding.writeVarUint(encoder, value), self),
    fixed: (bytes) => (encoding.writeUint8Array(encoder, bytes), self),
    bytes: (bytes) => (encoding.writeVarUint8Array(encoder, bytes), self),
    string: (text) => (encoding.writeVarString(encoder, text), self),
    finish: () => encoding.toUint8Array(encoder),
  };
  return self;
}

/**
 * Reads what `writer` wrote, with a limit on every length so hostile input cannot make us
 * allocate or loop. Every failure is a `DecodeError`; `end()` refuses trailing bytes.
 */
export type Reader = {
  u8(): number;
  uint(max?: number): number;
  fixed(length: number): Uint8Array;
  bytes(maxLength: number): Uint8Array;
  string(maxBytes: number): string;
  end(): void;
};

export function reader(input: Uint8Array): Reader {
  const decoder = decoding.createDecoder(input);
  const guard = <T>(what: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof DecodeError) throw error;
      throw new DecodeError(`truncated or invalid ${what}`);
    }
  };
  const remaining = () => input.length - decoder.pos;
  const self: Reader = {
    u8: () =>
      guard('byte', () => {
        // lib0 does not bounds-check single bytes: it would return undefined past the end.
        if (remaining() < 1) throw new DecodeError('needs 1 byte, has 0');
        return decoding.readUint8(decoder);
      }),
    uint: (max = Number.MAX_SAFE_INTEGER) =>
      guard('number', () => {
        const value = decoding.readVarUint(decoder);
        if (value > max) throw new DecodeError(`number ${value} above ${max}`);
        return value;
      }),
    fixed: (length) =>
      guard('bytes', () => {
        if (remaining() < length)
          throw new DecodeError(`needs ${length} bytes, has ${remaining()}`);
        return decoding.readUint8Array(decoder, length);
      }),
    bytes: (maxLength) => {
      const length = self.uint(maxLength);
      return self.fixed(length);
    },
    string: (maxBytes) => {
      const raw = self.bytes(maxBytes);
      return guard('text', () => fromUtf8(raw));
    },
    end: () => {
      if (remaining() !== 0) throw new DecodeError(`${remaining()} unexpected trailing bytes`);
    },
  };
  return self;
}
