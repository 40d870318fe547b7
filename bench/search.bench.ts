// Search (shared/search) over a 100k-message group, in Node, against issue 7's target: a
// query over 100k messages in a few milliseconds, as a substring scan (no word index), so
// Chinese needs no segmentation. Figures:
// - index_100k_ms: a fresh index's first search, which reads and folds every message;
// - query_100k_ms: p50 over queries (Chinese, Dutch with accents, English, misses) on the
//   built index; query_100k_max_ms: the slowest query's median (a miss scans everything);
// - index_heap_mb: what the built index keeps (needs --expose-gc, as `npm run bench` runs).
// SEARCH_BENCH_VERBOSE=1 prints each query's median as well.
import { queryTerms } from '../shared/search/fold.ts';
import { createGroupIndex } from '../shared/search/group-index.ts';
import { bigGroup } from './big-group.ts';
import { chatText } from './core-fixtures.ts';
import { percentile, report, sample } from './report.ts';

const MESSAGES = 100_000;
const gc = (globalThis as { gc?: () => void }).gc;

function memoryMb(): number {
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1e6;
}

const CHINESE = [
  '我们',
  '这个',
  '周末',
  '去',
  '爬山',
  '明天',
  '花园',
  '种子',
  '下雨',
  '咖啡',
  '好的',
];
const DUTCH = ['we', 'gaan', 'één', 'keer', 'naar', 'het', 'café', 'tuin', 'morgen', 'koffie'];

/** A third each of English, Dutch and Chinese chat, 10–120 characters. */
function mixedText(random: () => number, i: number): string {
  const kind = Math.abs(i) % 3;
  if (kind === 0) return chatText(random, i);
  const words = kind === 1 ? DUTCH : CHINESE;
  const length = 10 + Math.floor(random() * (kind === 1 ? 110 : 40));
  let text = '';
  while (text.length < length) {
    const word = words[Math.floor(random() * words.length)] ?? '';
    text += kind === 1 ? ` ${word}` : word;
  }
  return text.trim();
}

const { handle } = await bigGroup(MESSAGES, mixedText);
if (handle.count() !== MESSAGES) throw new Error(`filled ${handle.count()} of ${MESSAGES}`);

const nothing = queryTerms('nothing matches this');
const built = await sample(
  3,
  () => {
    const index = createGroupIndex(handle);
    index.search(nothing, 50);
    index.close();
    return Promise.resolve();
  },
  1,
);
report({ bench: 'search', metric: 'index_100k_ms', value: percentile(built, 50), unit: 'ms' });

const before = memoryMb();
const index = createGroupIndex(handle);
index.search(nothing, 50);
const heap = memoryMb() - before;
if (index.size() !== MESSAGES) throw new Error(`indexed ${index.size()} of ${MESSAGES}`);

const QUERIES = [
  '周末',
  '花园 种子',
  'één',
  'cafe morgen',
  'garden',
  'seeds tomorrow',
  '99999',
  'zzz',
];
const medians: number[] = [];
const all: number[] = [];
for (const query of QUERIES) {
  const terms = queryTerms(query);
  const times = await sample(
    15,
    () => {
      index.search(terms, 50);
      return Promise.resolve();
    },
    3,
  );
  medians.push(percentile(times, 50));
  if (process.env.SEARCH_BENCH_VERBOSE) console.info(query, percentile(times, 50));
  all.push(...times);
}
report({ bench: 'search', metric: 'query_100k_ms', value: percentile(all, 50), unit: 'ms' });
report({ bench: 'search', metric: 'query_100k_max_ms', value: Math.max(...medians), unit: 'ms' });
if (gc) report({ bench: 'search', metric: 'index_heap_mb', value: heap, unit: 'MB' });
else console.warn('index_heap_mb skipped: run node with --expose-gc');
index.close();
