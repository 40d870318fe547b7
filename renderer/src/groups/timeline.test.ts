import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/repo/notices.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { interleave } from './timeline.ts';

const message = (id: string, time: number) => ({ id, time }) as MessageItem;
const notice = (text: string, time: number): Notice => ({ id: text, time, text, safety: false });
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
