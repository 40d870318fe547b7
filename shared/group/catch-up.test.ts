import { beforeEach, describe, expect, it } from 'vitest';
import { sealBlob } from '../blob/seal.ts';
import { createContentDoc, sendMessage } from '../content/writer.ts';
import { fromHex } from '../crypto/bytes.ts';
import { seeded } from '../testing/people.ts';
import {
  foundGroup,
  join,
  syncAll,
  testClock,
  type Peer,
  type TestGroup,
} from '../testing/group-peers.ts';
import { admitOnly, picture, rangesOf } from './testing.ts';

let group: TestGroup;
let ada: Peer;
let bo: Peer;
let cy: Peer;
const clock = testClock();

/** A conversation of three: messages, replies, edits, deletes and reactions, all synced. */
beforeEach(async () => {
  group = await foundGroup(clock.now);
  ada = group.peers[0]!;
  bo = await join(group, ada, 2, 'Bo', clock.now);
  cy = await join(group, ada, 3, 'Cy', clock.now);
  for (let round = 0; round < 4; round++) {
    for (const peer of [ada, bo, cy]) {
      clock.advance(10);
      const id = await peer.engine.send({ text: `${peer.name} says ${round}` });
      if (round === 1) await peer.engine.edit(id, `${peer.name} edited ${round}`);
      if (round === 2) await peer.engine.remove(id);
    }
    await syncAll(group.peers);
    const [first] = ada.engine.messageIds();
    await bo.engine.react(first!, '🎉', round % 2 === 0);
    await cy.engine.send({ text: 'a reply', replyTo: first! });
    await syncAll(group.peers);
  }
});

/** How much of Bo's chain a peer holds. */
const boHead = (peer: Peer) => peer.engine.heads().get(bo.engine.core().me.clientId);

/** Bo's own chain as stored by Ada, ascending. */
const chainOf = (peer: Peer, of: Peer) =>
  peer.storage.blobs
    .filter((b) => b.clientId === of.engine.core().me.clientId)
    .sort((a, b) => a.seq - b.seq);

describe('catch-up by ranges', () => {
  it('a joiner catching up by per-device ranges ends identical to one fed blob by blob', async () => {
    const dee = await admitOnly(group, ada, 4, 'Dee', clock.now);
    const eve = await admitOnly(group, ada, 5, 'Eve', clock.now);
    await syncAll([ada, bo, cy]);
    await dee.engine.receive(ada.storage.blobs.map((b) => b.bytes));
    // Eve gets the chains in reverse, in small ranges: most must wait for what they depend on.
    const ranges = rangesOf(ada.storage.blobs, 3).reverse();
    let accepted = 0;
    for (const range of ranges) accepted += (await eve.engine.receiveRange(range)).accepted;
    expect(accepted).toBe(ada.storage.blobs.length);
    expect(picture(eve)).toEqual(picture(dee));
    expect(picture(eve).transcript).toEqual(picture(ada).transcript);
    expect(eve.engine.core().state.rejections).toEqual([]);
    // Accepted range blobs are stored like any other, for the next peer to fetch.
    expect(eve.storage.blobs.length).toBe(ada.storage.blobs.length);
  });

  it('a range with a forged blob: the blobs before it count, the rest are dropped', async () => {
    const dee = await admitOnly(group, ada, 4, 'Dee', clock.now);
    await syncAll([ada, bo, cy]);
    const others = ada.storage.blobs.filter((b) => b.clientId !== bo.engine.core().me.clientId);
    await dee.engine.receive(others.map((b) => b.bytes));
    const chain = chainOf(ada, bo).map((b) => b.bytes);
    const forged = chain.map((b) => b.slice());
    const victim = forged[2]!;
    victim[victim.length - 70] = victim[victim.length - 70]! ^ 1; // a byte of its sealed payload
    const report = await dee.engine.receiveRange(forged);
    // Blobs of others that waited for Bo's may be accepted too, so count his chain.
    expect(report.dropped).toBe(chain.length - 2);
    expect(dee.engine.core().state.rejections.map((r) => r.reason)).toEqual(['broken-link']);
    expect(boHead(dee)).toBe(2);
    // Repair fetches the rest again, and then everything is as it should be.
    await dee.engine.receiveRange(chain.slice(2));
    expect(picture(dee).transcript).toEqual(picture(ada).transcript);
  });

  it('a range in the wrong order, or whose last signature is bad, falls back blob by blob', async () => {
    const dee = await admitOnly(group, ada, 4, 'Dee', clock.now);
    await syncAll([ada, bo, cy]);
    const chain = chainOf(ada, bo).map((b) => b.bytes);
    const others = ada.storage.blobs.filter((b) => b.clientId !== bo.engine.core().me.clientId);
    await dee.engine.receive(others.map((b) => b.bytes));
    const swapped = [chain[0]!, chain[2]!, chain[1]!];
    expect((await dee.engine.receiveRange(swapped)).dropped).toBe(2);
    expect(boHead(dee)).toBe(1);
    const badLast = chain.slice(1).map((b) => b.slice());
    const last = badLast[badLast.length - 1]!;
    last[last.length - 1] = last[last.length - 1]! ^ 1; // the signature
    const report = await dee.engine.receiveRange(badLast);
    // Each blob before the last is still valid on its own signature.
    expect(report.dropped).toBe(1);
    expect(boHead(dee)).toBe(chain.length - 1);
    expect(dee.engine.core().state.rejections.map((r) => r.reason)).toEqual([
      'seq-gap',
      'bad-signature',
    ]);
    await dee.engine.receiveRange(chain.slice(-1));
    expect(picture(dee).transcript).toEqual(picture(ada).transcript);
  });

  it('a range that does not start at the held head waits, like any blob', async () => {
    const dee = await admitOnly(group, ada, 4, 'Dee', clock.now);
    await syncAll([ada, bo, cy]);
    const chain = chainOf(ada, bo).map((b) => b.bytes);
    const others = ada.storage.blobs.filter((b) => b.clientId !== bo.engine.core().me.clientId);
    await dee.engine.receive(others.map((b) => b.bytes));
    const tail = await dee.engine.receiveRange(chain.slice(3));
    expect(tail).toMatchObject({ accepted: 0, held: chain.length - 3 });
    expect(dee.engine.messageCount()).toBeLessThan(ada.engine.messageCount());
    await dee.engine.receiveRange(chain.slice(0, 3));
    expect(boHead(dee)).toBe(chain.length);
    expect(picture(dee).transcript).toEqual(picture(ada).transcript);
  });

  it('a range that links to another blob than the held head is fork evidence, never a rewrite', async () => {
    // Bo seals a second blob at his next position and a third on top of it: a fork.
    const core = bo.engine.core();
    const me = core.me.clientId;
    const head = core.state.book.head(me);
    const doc = createContentDoc(me);
    const seal = (seq: number, prev: Uint8Array, text: string) =>
      sealBlob({
        kind: 'content',
        groupId: group.groupId,
        epoch: 0,
        person: bo.person.person.publicKey,
        seq,
        prev,
        time: { wall: clock.advance(5), counter: 0 },
        deps: [],
        payload: (() => {
          const sent = sendMessage(doc, { text, at: clock.now() });
          if (!sent.ok) throw sent.error;
          return sent.value.update;
        })(),
        contentKey: core.keys.get(0)!.contentKey,
        signer: bo.person.device,
        random: seeded(99),
      });
    // Written on a doc that never saw Bo's history: the content is refused anyway, but the
    // point here is the chain: the range's first blob names a predecessor Ada does not hold.
    const forkBase = await seal(head, fromHex(core.state.book.accepted(me, head - 1)!.id), 'x');
    const onFork = await seal(head + 1, forkBase.id, 'y');
    const before = picture(ada);
    const report = await ada.engine.receiveRange([onFork.bytes]);
    expect(report).toMatchObject({ accepted: 0, held: 1 });
    expect(picture(ada)).toEqual(before);
    // With the other blob of the fork, the device is frozen at that position.
    await ada.engine.receiveRange([forkBase.bytes, onFork.bytes]);
    expect(ada.engine.core().state.book.forkedAt(me)).toBe(head);
  });
});
