// The group engine's costs (shared/group) in Node, against the targets in docs/benchmarks.md:
// - a new member catching up on 10k blobs from 5 devices: by per-device ranges (one
//   signature a range, DESIGN §5) and, as the baseline, blob by blob;
// - opening a 100k-message group from its sealed snapshot (DESIGN §7);
// - the heap of an engine holding a 100k-message group.
// Heap figures need `global.gc`: run with `node --expose-gc --import tsx bench/run.ts core`
// (what `npm run bench` does).
import * as Y from 'yjs';
import { createContentDoc } from '../shared/content/writer.ts';
import { createGroupEngine } from '../shared/group/engine.ts';
import type { EngineDeps, EngineStorage } from '../shared/group/engine-state.ts';
import { testSealer } from '../shared/group/testing.ts';
import { memoryGroupStorage } from '../shared/storage/storage.ts';
import { foundGroup, join, testClock, type Peer } from '../shared/testing/group-peers.ts';
import { seeded, testEd } from '../shared/testing/people.ts';
import { fillEngine, interleavedRanges, newcomer, writeGroup } from './core-fixtures.ts';
import { percentile, report, sample } from './report.ts';

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap plus array buffers (typed arrays live outside V8's heap), after full collections. */
function memoryMb(): number {
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1e6;
}

// 1. Catch-up: 10k blobs by 5 devices, to a member who has nothing yet.
const written = await writeGroup(10_000);
const founder = written.peers[0] as Peer;
const fresh = await newcomer(written);
const log = founder.storage.blobs;
const ranges = interleavedRanges(log);

async function catchUp(by: 'ranges' | 'single'): Promise<void> {
  const engine = await fresh();
  const start = performance.now();
  let accepted = 0;
  if (by === 'ranges') {
    for (const range of ranges) accepted += (await engine.receiveRange(range)).accepted;
  } else {
    accepted = (await engine.receive(log.map((b) => b.bytes))).accepted;
  }
  const ms = performance.now() - start;
  if (accepted !== log.length) throw new Error(`${by}: accepted ${accepted} of ${log.length}`);
  if (engine.messageCount() !== founder.engine.messageCount()) throw new Error('not caught up');
  times[by].push(ms);
}
const times = { ranges: [] as number[], single: [] as number[] };
await catchUp('ranges'); // warm-up
await catchUp('single');
times.ranges.length = 0;
times.single.length = 0;
for (let i = 0; i < 3; i++) {
  await catchUp('ranges');
  await catchUp('single');
}
report({
  bench: 'core',
  metric: 'apply_10k_blobs_ms',
  value: percentile(times.ranges, 50),
  unit: 'ms',
});
report({
  bench: 'core',
  metric: 'apply_10k_blobs_single_ms',
  value: percentile(times.single, 50),
  unit: 'ms',
});
report({ bench: 'core', metric: 'apply_10k_blobs_count', value: log.length, unit: 'blobs' });

// 2. A 100k-message group: a real 5-device group, its engine state filled directly, then
// snapshotted through the engine's own API. Opening is timed on a new engine each run.
async function bigGroup() {
  const clock = testClock();
  const group = await foundGroup(clock.now);
  for (let n = 2; n <= 5; n++) await join(group, group.peers[0] as Peer, n, `P${n}`, clock.now);
  const filled = group.peers[0] as Peer;
  const devices = group.peers.map((p) => p.engine.core().me.clientId);
  const storage = memoryGroupStorage();
  for (const blob of filled.storage.blobs) await storage.appendBlob(blob);
  for (const blob of fillEngine(filled.engine, devices, 100_000)) storage.blobs.push(blob);
  await filled.engine.saveSnapshot(sealer);
  for (const name of ['snapshot', 'recent']) {
    const record = await filled.storage.getRecord(name);
    if (record) await storage.putRecord(name, record);
  }
  const deps = {
    ed: testEd,
    groupId: group.groupId,
    genesis: group.genesis,
    me: filled.engine.core().me,
    now: clock.now,
    random: seeded(7000),
  };
  // What an IndexedDB log keyed by (device, seq) does with one key range per device.
  const ranged: EngineStorage = {
    ...storage,
    loadBlobsAfter: (heads) =>
      Promise.resolve(
        storage.blobs
          .filter((b) => b.seq > (heads.get(b.clientId) ?? 0))
          .map((b) => ({ ...b, bytes: b.bytes.slice() })),
      ),
  };
  return {
    ranged: { ...deps, storage: ranged },
    scanning: { ...deps, storage },
    secret: group.secret,
    messages: filled.engine.messageCount(),
  };
}
const sealer = await testSealer(1);
const big = await bigGroup();
const snapshotBytes = (await big.ranged.storage.getRecord('snapshot'))?.length ?? 0;

const open = async (deps: EngineDeps = big.ranged) => {
  const engine = createGroupEngine(deps);
  await engine.addEpochSecret(0, big.secret);
  const load = await engine.loadSnapshot(sealer);
  if (load.from !== 'snapshot' || engine.messageCount() !== big.messages)
    throw new Error(`snapshot not used: ${JSON.stringify(load)}`);
  return engine;
};
const opened = await sample(3, open, 1);
report({
  bench: 'core',
  metric: 'open_100k_snapshot_ms',
  value: percentile(opened, 50),
  unit: 'ms',
});
// The same, when the storage can only hand over its whole log (100k blobs) to be skipped.
const scanned = await sample(3, () => open(big.scanning), 1);
report({
  bench: 'core',
  metric: 'open_100k_snapshot_scan_ms',
  value: percentile(scanned, 50),
  unit: 'ms',
});
report({ bench: 'core', metric: 'snapshot_100k_mb', value: snapshotBytes / 1e6, unit: 'MB' });

// 3. Heap: what one opened engine adds, with the log and the sealed records already in memory.
if (gc) {
  const before = memoryMb();
  const engine = await open();
  const after = memoryMb();
  report({ bench: 'core', metric: 'heap_100k_mb', value: after - before, unit: 'MB' });
  // How much of it is the Yjs content doc alone (the rest is the engine's own state).
  const update = Y.encodeStateAsUpdate(engine.core().state.docs.of(0));
  const withoutDoc = memoryMb();
  const doc = createContentDoc(1);
  Y.applyUpdate(doc, update);
  report({ bench: 'core', metric: 'heap_100k_doc_mb', value: memoryMb() - withoutDoc, unit: 'MB' });
  if (engine.messageCount() !== big.messages || doc.getMap('messages').size !== big.messages)
    throw new Error('engine lost');
} else {
  console.warn('heap_100k_mb skipped: run node with --expose-gc');
}
