import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Anchor, Page } from '../../../shared/repo/handle.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { createTimeline, keepUnchanged, PAGE_SIZE, type PageSource } from './paging.ts';

const message = (n: number, mine = false) =>
  ({ id: `m${n}`, text: `message ${n}`, mine, time: n * 1000 }) as MessageItem;

/** A conversation held like the worker holds it, answering `page` the same way. */
function conversation(count: number, readUpTo = -1) {
  const messages = Array.from({ length: count }, (_, i) => message(i));
  const asked: { anchor: Anchor; before: number; after: number }[] = [];
  const source: PageSource = (anchor, before, after) => {
    asked.push({ anchor, before, after });
    const total = messages.length;
    let at = total - 1;
    if (anchor === 'first-unread') at = Math.min(total - 1, readUpTo + 1);
    else if (anchor !== 'latest') at = messages.findIndex((m) => m.id === anchor.id);
    if (at < 0) return Promise.resolve<Page>({ items: [], start: 0, total, anchorIndex: -1 });
    const start = Math.max(0, at - before);
    const items = messages.slice(start, Math.min(total, at + after + 1));
    return Promise.resolve({ items, start, total, anchorIndex: at - start });
  };
  return { messages, asked, source };
}

const texts = (items: readonly MessageItem[]) => items.map((m) => m.id);

describe('the message list paging', () => {
  it('opens at the latest page and loads older pages above, never the whole group', async () => {
    const chat = conversation(1000);
    const timeline = createTimeline(chat.source);
    await timeline.open(false);
    let view = timeline.getSnapshot();
    expect(view.items).toHaveLength(PAGE_SIZE + 1);
    expect(view.items.at(-1)?.id).toBe('m999');
    expect(view.focus).toEqual({ id: 'm999', align: 'end' });
    expect(view.start).toBe(999 - PAGE_SIZE);

    await timeline.older();
    view = timeline.getSnapshot();
    expect(view.start).toBe(999 - 2 * PAGE_SIZE);
    expect(texts(view.items)).toEqual(chat.messages.slice(999 - 2 * PAGE_SIZE).map((m) => m.id));
    // Prepending keeps the same run going: the list is not started over.
    expect(view.generation).toBe(1);
    for (const { before, after } of chat.asked) expect(before + after).toBeLessThanOrEqual(120);
  });

  it('shows the recent window at once, then loads the same messages in place (no new run)', async () => {
    const chat = conversation(1000);
    // The window was sealed before the last 3 messages arrived: it ends at m996.
    const initial: Page = {
      items: chat.messages.slice(797, 997),
      start: 797,
      total: 997,
      anchorIndex: 199,
    };
    const timeline = createTimeline(chat.source, { page: initial, unreadFrom: null });
    let view = timeline.getSnapshot();
    expect(view.status).toBe('ready');
    expect(view.items.at(-1)?.id).toBe('m996');
    expect(view.focus).toEqual({ id: 'm996', align: 'end' });
    expect(chat.asked).toEqual([]);
    await timeline.refresh();
    view = timeline.getSnapshot();
    expect(view.generation).toBe(1);
    expect(view.items[0]?.id).toBe('m797');
    expect(view.items.at(-1)?.id).toBe('m999');
    expect(view.total).toBe(1000);
    expect(texts(view.arrived)).toEqual(['m997', 'm998', 'm999']);
  });

  it('opens the recent window at its first unread message, with the divider, before the engine runs', () => {
    const chat = conversation(1000);
    const page: Page = {
      items: chat.messages.slice(800),
      start: 800,
      total: 1000,
      anchorIndex: 199,
    };
    const view = createTimeline(chat.source, { page, unreadFrom: 990 }).getSnapshot();
    expect(view.unreadFrom).toBe('m990');
    expect(view.readCount).toBe(990);
    expect(view.focus).toEqual({ id: 'm990', align: 'start' });
    expect(chat.asked).toEqual([]);
    // Outside the page, or the very first message: the window opens at its end, no divider.
    for (const unreadFrom of [0, 700, 1000]) {
      const other = createTimeline(chat.source, { page, unreadFrom }).getSnapshot();
      expect(other.unreadFrom).toBeNull();
      expect(other.focus).toEqual({ id: 'm999', align: 'end' });
    }
  });

  it('opens at the first unread message, remembers it for the divider, and loads below', async () => {
    const chat = conversation(500, 199);
    const timeline = createTimeline(chat.source);
    await timeline.open(true);
    let view = timeline.getSnapshot();
    expect(view.unreadFrom).toBe('m200');
    expect(view.readCount).toBe(200);
    expect(view.focus).toEqual({ id: 'm200', align: 'start' });
    expect(view.items[0]?.id).toBe(`m${200 - PAGE_SIZE}`);
    expect(view.items.at(-1)?.id).toBe(`m${200 + PAGE_SIZE}`);
    await timeline.newer();
    view = timeline.getSnapshot();
    expect(view.items.at(-1)?.id).toBe(`m${200 + 2 * PAGE_SIZE}`);
    expect(view.unreadFrom).toBe('m200');
  });

  it('opens a group never read (just joined) at the latest, without a divider', async () => {
    const timeline = createTimeline(conversation(10_000).source);
    await timeline.open(true);
    const view = timeline.getSnapshot();
    expect(view.items.at(-1)?.id).toBe('m9999');
    expect(view.unreadFrom).toBeNull();
  });

  it('refreshes in place on a change, telling what arrived at the end', async () => {
    const chat = conversation(10);
    const timeline = createTimeline(chat.source);
    await timeline.open(false);
    chat.messages[3] = { ...chat.messages[3]!, text: 'edited', edited: true };
    chat.messages.push(message(10), message(11, true));
    await timeline.refresh();
    const view = timeline.getSnapshot();
    expect(view.items.map((m) => m.text).slice(3, 4)).toEqual(['edited']);
    expect(texts(view.arrived)).toEqual(['m10', 'm11']);
    // What the screen reader is told: others' messages only, until newer ones come.
    expect(texts(view.heard)).toEqual(['m10']);
    await timeline.refresh();
    expect(timeline.getSnapshot().arrived).toEqual([]);
    expect(texts(timeline.getSnapshot().heard)).toEqual(['m10']);
    expect(view.generation).toBe(1);
    expect(view.total).toBe(12);
  });

  it('does not follow what arrives when the run stops short of the end', async () => {
    const chat = conversation(300);
    const timeline = createTimeline(chat.source);
    await timeline.reveal('m20');
    chat.messages.push(message(300));
    await timeline.refresh();
    const view = timeline.getSnapshot();
    expect(view.arrived).toEqual([]);
    expect(view.items.at(-1)?.id).toBe(`m${20 + PAGE_SIZE}`);
    expect(view.total).toBe(301);
  });

  it('reveals a message: in place when shown, else a new run around it; false when unknown', async () => {
    const chat = conversation(1000);
    const timeline = createTimeline(chat.source);
    await timeline.open(false);
    expect(await timeline.reveal('m990')).toBe(true);
    expect(timeline.getSnapshot().generation).toBe(1);
    expect(await timeline.reveal('m5')).toBe(true);
    const view = timeline.getSnapshot();
    expect(view.generation).toBe(2);
    expect(view.focus).toEqual({ id: 'm5', align: 'center' });
    expect(view.start).toBe(0);
    expect(await timeline.reveal('nope')).toBe(false);
    expect(timeline.getSnapshot().generation).toBe(2);
    await timeline.latest();
    expect(timeline.getSnapshot().items.at(-1)?.id).toBe('m999');
    expect(timeline.getSnapshot().generation).toBe(3);
  });

  it('keeps what it shows when a load fails, and says why', async () => {
    const chat = conversation(200);
    let fail = false;
    const timeline = createTimeline((...args) =>
      fail ? Promise.reject(new Error('The worker stopped')) : chat.source(...args),
    );
    await timeline.open(false);
    fail = true;
    await timeline.older();
    const view = timeline.getSnapshot();
    expect(view.error).toEqual({ detail: 'The worker stopped' });
    expect(view.items).toHaveLength(PAGE_SIZE + 1);
  });

  it('coalesces refreshes asked for while one waits', async () => {
    const chat = conversation(5);
    const timeline = createTimeline(chat.source);
    await timeline.open(false);
    chat.asked.length = 0;
    await Promise.all([timeline.refresh(), timeline.refresh(), timeline.refresh()]);
    expect(chat.asked).toHaveLength(1);
  });

  it('keeps each message that did not change as the object already shown, so only changed rows draw again', async () => {
    const chat = conversation(200);
    // The worker's pages arrive as copies (structured clone), never the objects shown.
    const copies: PageSource = async (anchor, before, after) =>
      structuredClone(await chat.source(anchor, before, after));
    const timeline = createTimeline(copies);
    await timeline.open(false);
    const shown = timeline.getSnapshot().items;
    await timeline.refresh();
    // Nothing changed: the very same run, so the list's rows are not even made again.
    expect(timeline.getSnapshot().items).toBe(shown);

    const edited = { ...chat.messages[170], text: 'message 170, edited', edited: true };
    chat.messages[170] = edited as MessageItem;
    chat.messages.push(message(200));
    await timeline.refresh();
    const view = timeline.getSnapshot();
    expect(texts(view.items)).toEqual(texts([...shown, message(200)]));
    const redrawn = view.items.filter((item, i) => item !== shown[i]).map((item) => item.id);
    expect(redrawn).toEqual(['m170', 'm200']);
    expect(view.items.find((item) => item.id === 'm170')?.text).toBe('message 170, edited');
    expect(texts(view.arrived)).toEqual(['m200']);
  });

  it('keepUnchanged gives what the worker sent, reusing only equal messages', () => {
    const item = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      text: fc.constantFrom('hi', 'hello'),
      deleted: fc.boolean(),
      reactions: fc.array(fc.record({ emoji: fc.constantFrom('👍', '🎉'), count: fc.nat(3) }), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.array(item, { maxLength: 6 }), (a, b) => {
        const previous = a as unknown as MessageItem[];
        const next = structuredClone(b) as unknown as MessageItem[];
        const kept = keepUnchanged(previous, next);
        expect(kept).toEqual(next);
        kept.forEach((k, i) => {
          const old = previous.find((p) => p.id === k.id);
          // First of an id: a repeated id (never sent by the worker) may take either.
          if (k !== next[i]) expect(previous).toContain(k);
          else if (old && previous.filter((p) => p.id === k.id).length === 1)
            expect(old).not.toEqual(k);
        });
      }),
    );
  });
});
