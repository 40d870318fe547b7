import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidEmoji, messageId, parseMessageId, parseReactionKey, reactionKey } from './keys.ts';

describe('content keys', () => {
  it('round-trips message ids and reaction keys', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.nat({ max: 0xffffffff }),
        fc.nat(),
        fc.constantFrom('👍', '🎉', '❤️', '👨‍👩‍👧', '🇳🇿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'a', ':'),
        (reactor, client, n, emoji) => {
          const id = messageId(client, n);
          expect(parseMessageId(id)).toEqual({ client, n });
          expect(parseReactionKey(reactionKey(reactor, id, emoji))).toEqual({
            reactor,
            messageId: id,
            emoji,
          });
        },
      ),
    );
  });

  it('accepts only canonical numbers, so one message has one id', () => {
    for (const bad of [
      '01:1',
      '1:01',
      '-1:1',
      '1:1.0',
      '1:',
      ':1',
      '1:1:1',
      '4294967296:1',
      ' 1:1',
    ]) {
      expect(parseMessageId(bad)).toBeNull();
    }
    expect(parseMessageId('0:0')).toEqual({ client: 0, n: 0 });
  });

  it('accepts emoji sequences and refuses white space, control and direction characters', () => {
    for (const good of ['👍', '👍🏽', '👨‍👩‍👧‍👦', '🇳🇿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '❤️', '+1'])
      expect(isValidEmoji(good)).toBe(true);
    for (const bad of ['', ' ', '👍 ', 'a\nb', '\u0000', '\u202e👍', '\ud83d', 'x'.repeat(17)]) {
      expect(isValidEmoji(bad)).toBe(false);
    }
  });
});
