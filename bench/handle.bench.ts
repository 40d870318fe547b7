// A group handle's reads (shared/repo/handle.ts) in a 100k-message group with 5,000 reactions,
// seen from one of its 5 devices. Unread counts, which the groups list asks of every group on
// each refresh, and pages of the conversation, which the message list asks as it scrolls.
// Figures:
// - unread_200_item_walk_ms: the way it was counted until 2026-11-23, as the baseline: a whole
//   message item per unread message, built twice (with a fixed delivery, where the app asks
//   the room: the baseline is, if anything, too fast), over the newest 200 messages. Each
//   item read every reaction in the group again, so it is slow in proportion to both;
// - unread_200_ms: the same count now, one read of the messages (reactions indexed once);
// - unread_100k_ms: every message unread (nothing read yet), the largest count there is;
// - unread_cached_us: asked again with nothing changed, as on most refreshes;
// - page_100_item_by_item_ms: a page of 100 messages read the way it was until 2026-11-23,
//   each message on its own (each read indexed every reaction again), as the baseline;
// - page_100_ms: the same page now, its messages read together.
import type { OrderKey } from '../shared/group/order.ts';
import { messageItem } from '../shared/repo/views.ts';
import { bigGroup } from './big-group.ts';
import { chatText } from './core-fixtures.ts';
import { percentile, report, sample } from './report.ts';

const MESSAGES = 100_000;
const RECENT = 200;

const { handle, engine, myPerson, setReadKey } = await bigGroup(MESSAGES, chatText);
const order = engine.core().state.order;
const readUpTo = order.slice(MESSAGES - RECENT - 1, MESSAGES - RECENT)[0];
const readKey = readUpTo === undefined ? undefined : order.keyOf(readUpTo);
if (!readKey) throw new Error('no message to have read up to');
const recentKey: OrderKey = readKey;

/** The count as it was: an item per message, for `mine`, then again for `mentionsMe`. */
function itemWalk(): { count: number; mentions: number } {
  const item = (id: string) => {
    const view = engine.message(id);
    return view ? messageItem(engine, view, myPerson, () => ({ held: 1, of: 5 })) : null;
  };
  let mentions = 0;
  const count = order.countAfter(recentKey, (id) => {
    const view = engine.message(id);
    if (view === null || item(id)?.mine !== false || view.deleted) return false;
    if (item(id)?.mentionsMe) mentions++;
    return true;
  });
  return { count, mentions };
}

/** A cold count: the handle keeps its last count until a message arrives or is read. */
function fresh(key: OrderKey | null) {
  setReadKey(key);
  engine.core().events.emit('messages', { added: [], changed: ['bench'] });
  return handle.unread();
}

const baseline = itemWalk();
const now = fresh(recentKey);
if (now.count !== baseline.count || now.mentions !== baseline.mentions)
  throw new Error(`counts differ: ${JSON.stringify(now)} against ${JSON.stringify(baseline)}`);
if (now.count < RECENT / 2) throw new Error(`only ${now.count} of ${RECENT} unread`);

const walk = await sample(3, () => Promise.resolve(itemWalk()), 0);
report({
  bench: 'handle',
  metric: 'unread_200_item_walk_ms',
  value: percentile(walk, 50),
  unit: 'ms',
});
const recent = await sample(15, () => Promise.resolve(fresh(recentKey)), 2);
report({ bench: 'handle', metric: 'unread_200_ms', value: percentile(recent, 50), unit: 'ms' });
const all = await sample(5, () => Promise.resolve(fresh(null)), 1);
report({ bench: 'handle', metric: 'unread_100k_ms', value: percentile(all, 50), unit: 'ms' });
const again = await sample(200, () => Promise.resolve(handle.unread()), 5);
report({
  bench: 'handle',
  metric: 'unread_cached_us',
  value: Math.round(percentile(again, 50) * 1000 * 10) / 10,
  unit: 'us',
});

const anchor = { id: order.slice(MESSAGES / 2, MESSAGES / 2 + 1)[0] ?? '' };
const itemByItem = () =>
  order.slice(MESSAGES / 2 - 50, MESSAGES / 2 + 50).flatMap((id) => {
    const view = engine.message(id);
    return view ? [messageItem(engine, view, myPerson, () => ({ held: 1, of: 5 }))] : [];
  });
const together = handle.page(anchor, 50, 49).items;
if (together.length !== 100 || itemByItem().length !== 100)
  throw new Error(`pages of ${together.length} and ${itemByItem().length}, not 100`);
if (JSON.stringify(together.map((m) => m.id)) !== JSON.stringify(itemByItem().map((m) => m.id)))
  throw new Error('the two pages differ');
const slow = await sample(3, () => Promise.resolve(itemByItem()), 0);
report({
  bench: 'handle',
  metric: 'page_100_item_by_item_ms',
  value: percentile(slow, 50),
  unit: 'ms',
});
const pages = await sample(15, () => Promise.resolve(handle.page(anchor, 50, 49)), 2);
report({ bench: 'handle', metric: 'page_100_ms', value: percentile(pages, 50), unit: 'ms' });
