import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/repo/notices.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { interleave, timelineRows } from './timeline.ts';

const message = (id: string, time: number) => ({ id, time }) as MessageItem;
const notice = (text: string, time: number): Notice => ({
  id: text,
  time,
  text,
  safety: false,
  words: { kind: 'joined', who: { me: false, name: text } },
});
const shape = (rows: ReturnType<typeof interleave>) =>
  rows.map((r) => (r.kind === 'message' ? r.item.id : r.notice.text));

describe('timeline', () => {
  it('places each notice before the first message after it', () => {
    const items = [message('m1', 10), message('m2', 20), message('m3', 30)];
    const notices = [notice('Bo joined', 5), notice('Cy joined', 15), notice('Bo left', 40)];
    expect(shape(interleave(items, notices, true))).toEqual([
      'Bo joined',
      'm1',
      'Cy joined',
      'm2',
      'm3',
      'Bo left',
    ]);
    // A page that starts later leaves out what happened before its first message.
    expect(shape(interleave(items, notices, false))).toEqual([
      'm1',
      'Cy joined',
      'm2',
      'm3',
      'Bo left',
    ]);
    expect(shape(interleave([], notices, true))).toEqual(['Bo joined', 'Cy joined', 'Bo left']);
  });
});

describe('timelineRows', () => {
  const at = (day: number, hour: number, minute = 0) =>
    new Date(2026, 4, day, hour, minute).getTime();
  const by = (id: string, person: string, time: number) =>
    ({ id, time, author: { person, name: person } }) as MessageItem;
  const shapeRows = (rows: ReturnType<typeof timelineRows>) =>
    rows.map((r) =>
      r.kind === 'message'
        ? `${r.item.id}${r.continued ? '+' : ''}`
        : r.kind === 'notice'
          ? r.notice.text
          : r.kind === 'day'
            ? r.key
            : 'NEW',
    );

  it('separates days, groups one author within five minutes, and puts the divider above the first unread', () => {
    const items = [
      by('a1', 'ada', at(3, 9)),
      by('a2', 'ada', at(3, 9, 4)),
      by('a3', 'ada', at(3, 9, 10)),
      by('b1', 'bo', at(3, 9, 11)),
      by('b2', 'bo', at(3, 9, 12)),
      by('b3', 'bo', at(4, 8)),
      by('b4', 'bo', at(4, 8, 1)),
      by('b5', 'bo', at(4, 8, 2)),
    ];
    const notices = [notice('Cy joined', at(4, 8, 0) + 1)];
    const rows = timelineRows(items, notices, { fromStart: false, unreadFrom: 'b5' });
    expect(shapeRows(rows)).toEqual([
      'day:2026-5-3',
      'a1',
      'a2+',
      'a3',
      'b1',
      'b2+',
      'day:2026-5-4',
      'b3',
      'Cy joined',
      'b4',
      'NEW',
      'b5',
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('keeps the first message’s row key when older messages of the same day come above', () => {
    const later = [by('m3', 'ada', at(3, 12)), by('m4', 'bo', at(3, 13))];
    const all = [by('m1', 'ada', at(3, 10)), by('m2', 'bo', at(3, 11)), ...later];
    const before = timelineRows(later, [], { fromStart: false, unreadFrom: null });
    const after = timelineRows(all, [], { fromStart: true, unreadFrom: null });
    // The day's separator moves up; the rows below the seam are the same rows.
    expect(after.slice(-before.length + 1).map((r) => r.key)).toEqual(
      before.slice(1).map((r) => r.key),
    );
    expect(after[0]?.key).toBe(before[0]?.key);
  });
});
