import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { deliverAll, foundGroup, join, testClock, transcript } from '../testing/group-peers.ts';

const POISON = new TextEncoder().encode('POISON');

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// Yjs throws on one particular update, as a poisoned doc might (DESIGN §5).
vi.mock('yjs', async (importOriginal) => {
  const actual = await importOriginal<typeof Y>();
  return {
    ...actual,
    applyUpdate: (doc: Y.Doc, update: Uint8Array, origin?: unknown) => {
      if (contains(update, POISON)) throw new Error('yjs exploded');
      actual.applyUpdate(doc, update, origin);
    },
  };
});

describe('an update that makes Yjs throw', () => {
  it('is refused, the doc is rebuilt from the log, and the group goes on', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const [ada] = group.peers;
    const bo = await join(group, ada!, 2, 'Bo', clock.now);
    await ada!.engine.send({ text: 'before' });
    await ada!.engine.send({ text: 'POISON pill' });
    const reasons: string[] = [];
    bo.engine.events.on('rejected', (r) => reasons.push(r.reason));
    const report = await bo.engine.receive(ada!.storage.blobs.map((b) => b.bytes));
    expect(report.refused).toBeGreaterThanOrEqual(1);
    expect(transcript(bo).map((l) => l.split(': ')[1])).toEqual(['before']);
    expect(reasons).toContain('apply-failed');
    // Delivered again, it is refused on sight rather than rebuilt around again.
    const again = await bo.engine.receive(ada!.storage.blobs.map((b) => b.bytes));
    expect(again.rebuild).toBe(false);
    // The rebuilt doc still works: Bo writes, and Ada gets it.
    await bo.engine.send({ text: 'still here' });
    await deliverAll(bo, ada!);
    expect(transcript(ada!).map((l) => l.split(': ')[1])).toEqual([
      'before',
      'POISON pill',
      'still here',
    ]);
    expect(Y.encodeStateAsUpdate(bo.engine.core().state.docs.of(0)).length).toBeGreaterThan(0);
  });
});
