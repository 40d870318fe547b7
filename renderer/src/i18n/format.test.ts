import { describe, expect, it } from 'vitest';
import { formatDay, formatNumber, formatTime, sameDay, sentenceGap } from './format.ts';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('format', () => {
  const now = at(2026, 11, 22, 15);
  it('names today and yesterday in each language', () => {
    expect(formatDay(at(2026, 11, 22, 1), now, 'en')).toBe('Today');
    expect(formatDay(at(2026, 11, 21, 23), now, 'en')).toBe('Yesterday');
    expect(formatDay(at(2026, 11, 21), now, 'nl')).toBe('Gisteren');
    expect(formatDay(at(2026, 11, 22), now, 'zh-CN')).toBe('今天');
  });
  it('gives the weekday within a week, then the date, with the year only when it differs', () => {
    expect(formatDay(at(2026, 11, 18), now, 'en')).toBe('Wednesday');
    expect(formatDay(at(2026, 10, 2), now, 'en')).toBe('Friday, October 2');
    expect(formatDay(at(2025, 10, 2), now, 'en')).toBe('October 2, 2025');
  });
  it('formats times and numbers the language’s way', () => {
    expect(formatTime(at(2026, 11, 22, 9), 'nl')).toBe('09:00');
    expect(formatNumber(12345, 'nl')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
  it('knows when two times share a day', () => {
    expect(sameDay(at(2026, 11, 22, 0), at(2026, 11, 22, 23))).toBe(true);
    expect(sameDay(at(2026, 11, 22, 23), at(2026, 11, 23, 0))).toBe(false);
  });
  it('sets sentences side by side with a space, but not in Chinese', () => {
    expect(`You left.${sentenceGap('en')}You can read.`).toBe('You left. You can read.');
    expect(`Je bent weg.${sentenceGap('nl')}Lezen kan.`).toBe('Je bent weg. Lezen kan.');
    expect(`你已退出。${sentenceGap('zh-CN')}你仍然可以阅读。`).toBe('你已退出。你仍然可以阅读。');
  });
});
