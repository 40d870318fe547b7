import { describe, expect, it } from 'vitest';
import { forInputMethod } from './input-method.ts';

const key = (init: { key: string; isComposing?: boolean; keyCode?: number }) =>
  ({ isComposing: false, keyCode: 0, ...init }) as unknown as KeyboardEvent;

describe('forInputMethod', () => {
  it('leaves keys to the input method while it composes, also Safari’s late Enter', () => {
    expect(forInputMethod(key({ key: 'Enter', isComposing: true, keyCode: 13 }))).toBe(true);
    expect(forInputMethod({ nativeEvent: key({ key: 'ArrowDown', isComposing: true }) })).toBe(
      true,
    );
    expect(forInputMethod(key({ key: 'Enter', keyCode: 229 }))).toBe(true);
  });
  it('takes ordinary keys', () => {
    expect(forInputMethod(key({ key: 'Enter', keyCode: 13 }))).toBe(false);
    expect(forInputMethod({ nativeEvent: key({ key: 'Escape', keyCode: 27 }) })).toBe(false);
  });
});
