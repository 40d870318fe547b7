import { describe, expect, it } from 'vitest';
import { neighbourGroup } from './group-keys.ts';

describe('neighbourGroup', () => {
  const ids = ['a', 'b', 'c'];
  it('moves up and down the list without wrapping', () => {
    expect(neighbourGroup(ids, 'b', 'up')).toBe('a');
    expect(neighbourGroup(ids, 'b', 'down')).toBe('c');
    expect(neighbourGroup(ids, 'a', 'up')).toBeNull();
    expect(neighbourGroup(ids, 'c', 'down')).toBeNull();
  });
  it('starts at an end when nothing is open', () => {
    expect(neighbourGroup(ids, null, 'down')).toBe('a');
    expect(neighbourGroup(ids, 'gone', 'up')).toBe('c');
    expect(neighbourGroup([], null, 'down')).toBeNull();
  });
});
