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

  it('parses ids exactly as the canonical pattern does (parsed by hand, for speed)', () => {
    const PATTERN = /^(0|[1-9][0-9]{0,15}):(0|[1-9][0-9]{0,15})$/u;
    const byPattern = (id: string) => {
      const match = PATTERN.exec(id);
      if (!match) return null;
      const client = Number(match[1]);
      const n = Number(match[2]);
      return Number.isSafeInteger(client) && client <= 0xffffffff && Number.isSafeInteger(n)
        ? { client, n }
        : null;
    };
    const part = fc.oneof(
      fc.nat().map(String),
      fc.stringMatching(/^[0-9]{0,18}$/),
      fc.constantFrom(
        '',
        '0',
        '00',
        '4294967295',
        '4294967296',
        '9007199254740991',
        '9007199254740993',
      ),
      fc.string({ maxLength: 4 }),
      fc.constantFrom('١', '１', ' 1', '1 ', '+1', '1e3', '0x1'),
    );
    const id = fc.oneof(
      fc.tuple(part, part).map(([a, b]) => `${a}:${b}`),
      fc.tuple(part, part, part).map((parts) => parts.join(':')),
      part,
    );
    fc.assert(
      fc.property(id, (text) => {
        expect(parseMessageId(text)).toEqual(byPattern(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts emoji sequences and refuses white space, control and direction characters', () => {
    for (const good of ['👍', '👍🏽', '👨‍👩‍👧‍👦', '🇳🇿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '❤️', '+1'])
      expect(isValidEmoji(good)).toBe(true);
    for (const bad of ['', ' ', '👍 ', 'a\nb', '\u0000', '\u202e👍', '\ud83d', 'x'.repeat(17)]) {
      expect(isValidEmoji(bad)).toBe(false);
    }
  });
});
