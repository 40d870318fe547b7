import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes.ts';
import { derive, hash, labelledHash } from './hash.ts';

describe('hashing', () => {
  it('is SHA-256', () => {
    expect(toHex(hash(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('labelled hashes separate labels and part boundaries', () => {
    const a = labelledHash('x', utf8('ab'), utf8('c'));
    expect(toHex(a)).not.toBe(toHex(labelledHash('x', utf8('a'), utf8('bc'))));
    expect(toHex(a)).not.toBe(toHex(labelledHash('y', utf8('ab'), utf8('c'))));
    expect(toHex(a)).toBe(toHex(labelledHash('x', utf8('ab'), utf8('c'))));
  });

  it('derivations differ by label and context, and are stable', () => {
    const secret = new Uint8Array(32).fill(9);
    const group = new Uint8Array(32).fill(1);
    const content = derive(secret, 'fellows/v1/content-key', group);
    expect(content).toHaveLength(32);
    expect(toHex(content)).not.toBe(toHex(derive(secret, 'fellows/v1/room', group)));
    expect(toHex(content)).not.toBe(
      toHex(derive(secret, 'fellows/v1/content-key', new Uint8Array(32))),
    );
    expect(toHex(content)).toBe(toHex(derive(secret, 'fellows/v1/content-key', group)));
  });
});

describe('hex', () => {
  it('round-trips and refuses what is not lower-case hex', async () => {
    const { fromHex } = await import('./bytes.ts');
    expect(toHex(fromHex('00ff7a'))).toBe('00ff7a');
    expect(() => fromHex('0')).toThrow(RangeError);
    expect(() => fromHex('zz')).toThrow(RangeError);
    expect(() => fromHex('AB')).toThrow(RangeError);
  });
});
