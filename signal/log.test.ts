import { describe, expect, it } from 'vitest';
import { RejectLog } from './log.ts';

const at = () => new Date('2026-11-22T10:00:00.000Z');

describe('RejectLog', () => {
  it('writes one line per rejection: time, reason, address, then fields', () => {
    const lines: string[] = [];
    const log = new RejectLog((l) => lines.push(l), 10, 10, at);
    log.reject('rate-messages', '203.0.113.7', { conn: 42, action: 'drop' });
    log.reject('address-full', '2001:db8::1', { action: 'http:429' });
    expect(lines).toEqual([
      '2026-11-22T10:00:00.000Z signal reject reason=rate-messages addr=203.0.113.7 conn=42 action=drop',
      '2026-11-22T10:00:00.000Z signal reject reason=address-full addr=2001:db8::1 action=http:429',
    ]);
  });

  it('limits its own rate and summarises what it held back', () => {
    const lines: string[] = [];
    const log = new RejectLog((l) => lines.push(l), 0.001, 3, at);
    for (let i = 0; i < 10; i += 1) log.reject('not-json', '127.0.0.1', { conn: 1 });
    expect(lines).toHaveLength(3);
    log.flush();
    expect(lines.at(-1)).toBe(
      '2026-11-22T10:00:00.000Z signal suppressed 7 reject lines (log rate limit)',
    );
  });

  it('survives a sink that throws', () => {
    const log = new RejectLog(
      () => {
        throw new Error('EPIPE');
      },
      10,
      10,
    );
    expect(() => {
      log.reject('abuse', '127.0.0.1');
    }).not.toThrow();
  });
});
