// Groups for the core benchmark: a 5-device group that writes 10k real blobs, and a
// 100k-message group whose engine state is filled directly (signing 100k blobs would take
// minutes; what the benchmark times is the real load path, not this fill).
import * as Y from 'yjs';
import {
  createContentDoc,
  editMessage,
  sendMessage,
  setReaction,
} from '../shared/content/writer.ts';
import { createGroupEngine, type GroupEngine } from '../shared/group/engine.ts';
import { admitOnly, rangesOf } from '../shared/group/testing.ts';
import { memoryGroupStorage, type StoredBlob } from '../shared/storage/storage.ts';
import {
  foundGroup,
  join,
  testClock,
  type Peer,
  type TestGroup,
} from '../shared/testing/group-peers.ts';
import { seeded, testEd } from '../shared/testing/people.ts';

/** A small deterministic PRNG (mulberry32), so every run writes the same mix. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chat-like text of 10–120 characters. */
export function chatText(random: () => number, i: number): string {
  const words = ['see', 'you', 'at', 'the', 'garden', 'tomorrow', 'bring', 'seeds', 'ok', 'great'];
  let text = `${i}`;
  const length = 10 + Math.floor(random() * 110);
  while (text.length < length) text += ` ${words[Math.floor(random() * words.length)] ?? ''}`;
  return text;
}

export type WrittenGroup = { group: TestGroup; peers: Peer[]; now: () => number };

/**
 * Five devices write `total` blobs between them, ~80% messages (some replies), ~10% edits,
 * ~10% reactions, passing each turn's blobs to the others as ranges, so deps cross devices
 * as in a real conversation.
 */
export async function writeGroup(total: number): Promise<WrittenGroup> {
  const clock = testClock();
  const group = await foundGroup(clock.now);
  const founder = group.peers[0] as Peer;
  for (let n = 2; n <= 5; n++) await join(group, founder, n, `P${n}`, clock.now);
  const peers = group.peers;
  const random = prng(42);
  const mine = new Map<Peer, string[]>(peers.map((p) => [p, []]));
  const sent = new Map<Peer, number>(peers.map((p) => [p, p.storage.blobs.length]));
  let written = 0;
  while (written < total) {
    const peer = peers[Math.floor(random() * peers.length)] as Peer;
    const turn = Math.min(total - written, 1 + Math.floor(random() * 12));
    for (let k = 0; k < turn; k++) {
      clock.advance(1 + Math.floor(random() * 2000));
      const roll = random();
      const own = mine.get(peer) ?? [];
      const ids = peer.engine.messageIds(Math.max(0, peer.engine.messageCount() - 50));
      const any = ids[Math.floor(random() * ids.length)];
      if (roll < 0.1 && own.length > 0) {
        const id = own[Math.floor(random() * own.length)] as string;
        await peer.engine.edit(id, chatText(random, written));
      } else if (roll < 0.2 && any !== undefined) {
        await peer.engine.react(any, ['👍', '🎉', '❤️'][k % 3] as string, random() < 0.8);
      } else {
        const replyTo = random() < 0.1 ? any : undefined;
        own.push(await peer.engine.send({ text: chatText(random, written), replyTo }));
      }
      written++;
    }
    const fresh = peer.storage.blobs
      .slice(sent.get(peer))
      .filter((b) => b.clientId === peer.engine.core().me.clientId);
    sent.set(peer, peer.storage.blobs.length);
    for (const other of peers)
      if (other !== peer) await other.engine.receiveRange(fresh.map((b) => b.bytes));
  }
  return { group, peers, now: clock.now };
}

/** A new member's engine, admitted once by the founder; each call starts it afresh. */
export async function newcomer(written: WrittenGroup): Promise<() => Promise<GroupEngine>> {
  const founder = written.peers[0] as Peer;
  const admitted = await admitOnly(written.group, founder, 6, 'New', written.now);
  const me = admitted.engine.core().me;
  return async () => {
    const engine = createGroupEngine({
      ed: testEd,
      groupId: written.group.groupId,
      genesis: written.group.genesis,
      me,
      storage: memoryGroupStorage(),
      now: written.now,
      random: seeded(6000),
    });
    await engine.addEpochSecret(0, written.group.secret);
    return engine;
  };
}

/** The founder's log as per-device ranges of ≤ 1,000 blobs, one range per device in turn. */
export function interleavedRanges(blobs: readonly StoredBlob[]): Uint8Array[][] {
  const byDevice = new Map<number, Uint8Array[][]>();
  for (const range of rangesOf(blobs, 1000)) {
    const first = blobs.find((b) => b.bytes === range[0]);
    const key = first?.clientId ?? 0;
    byDevice.set(key, [...(byDevice.get(key) ?? []), range]);
  }
  const out: Uint8Array[][] = [];
  const queues = [...byDevice.values()];
  for (let round = 0; queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      const range = q[round];
      if (range) out.push(range);
    }
  }
  return out;
}

/**
 * Fills `engine` (a member of a real 5-device group) with `messages` messages, ~4% edited and
 * ~5% with a reaction, as if each had come in its own accepted blob: the content doc through
 * the real writer, chain metas and the message index straight into the engine's state.
 * Returns the log a device would hold: one stored record per blob (filler bytes, never read,
 * as opening skips what the snapshot covers). `text` writes message `i` (and edit `-i`).
 */
export function fillEngine(
  engine: GroupEngine,
  devices: readonly number[],
  messages: number,
  text: (random: () => number, i: number) => string = chatText,
): StoredBlob[] {
  const { state } = engine.core();
  const random = prng(7);
  const docs = new Map(devices.map((c) => [c, createContentDoc(c)]));
  const stored: StoredBlob[] = [];
  const filler = new Uint8Array(300);
  let wall = 1_800_000_000_000;
  let depth = 1000;
  const blob = (c: number) => {
    const seq = state.book.head(c) + 1;
    const id = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('hex');
    wall += 1 + Math.floor(random() * 1000);
    const time = { wall, counter: 0 };
    state.book.accept(c, seq, { id, time, effective: time, depth: ++depth }, new Map([[c, seq]]));
    stored.push({ id, clientId: c, seq, bytes: filler });
    return seq;
  };
  for (let i = 0; i < messages; i++) {
    const c = devices[i % devices.length] as number;
    const doc = docs.get(c) as Y.Doc;
    const sent = sendMessage(doc, { text: text(random, i), at: wall });
    if (!sent.ok) throw sent.error;
    state.order.add(sent.value.id, c, blob(c));
    if (i % 25 === 3) {
      if (!editMessage(doc, sent.value.id, text(random, -i), wall).ok) throw new Error('edit');
      blob(c);
    }
    if (i % 20 === 7) {
      if (!setReaction(doc, sent.value.id, '👍', true, wall).ok) throw new Error('react');
      blob(c);
    }
  }
  Y.transact(state.docs.of(0), () => {
    for (const doc of docs.values()) Y.applyUpdate(state.docs.of(0), Y.encodeStateAsUpdate(doc));
  });
  state.docs.of(0).clientID = engine.core().me.clientId;
  return stored;
}
