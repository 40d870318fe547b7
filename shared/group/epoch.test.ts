import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import { epochKeys } from './epoch.ts';

const group = new Uint8Array(32).fill(1);
const secret = new Uint8Array(32).fill(2);

describe('epochKeys', () => {
  it('derives a content key, a room and a password, stable for the same inputs', () => {
    const a = epochKeys(group, 0, secret);
    const b = epochKeys(group, 0, secret.slice());
    expect(a).toEqual(b);
    expect(a.contentKey).toHaveLength(32);
    expect(a.room).toMatch(/^fellows-[a-z2-7]{32}$/);
    expect(a.signalingPassword).toMatch(/^[a-z2-7]{32}$/);
  });

  it('gives each epoch and each group different keys and rooms', () => {
    const a = epochKeys(group, 0, secret);
    const nextEpoch = epochKeys(group, 1, secret);
    const otherGroup = epochKeys(new Uint8Array(32).fill(3), 0, secret);
    expect(toHex(a.contentKey)).not.toBe(toHex(nextEpoch.contentKey));
    expect(a.room).not.toBe(nextEpoch.room);
    expect(a.room).not.toBe(otherGroup.room);
  });

  it('keeps room and password apart from the content key', () => {
    const a = epochKeys(group, 0, secret);
    expect(a.room).not.toContain(toHex(a.contentKey).slice(0, 8));
    expect(a.signalingPassword).not.toBe(a.room.slice('fellows-'.length));
  });

  it('refuses a secret of the wrong size', () => {
    expect(() => epochKeys(group, 0, new Uint8Array(16))).toThrow(RangeError);
  });
});
