import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { depsHash, noPrevious } from '../blob/format.ts';
import { sealBlob, type SealInput } from '../blob/seal.ts';
import { forged } from '../content/testing/peers.ts';
import { createContentDoc, reassertClientId, sendMessage } from '../content/writer.ts';
import { fromHex, toHex } from '../crypto/bytes.ts';
import { seeded } from '../testing/people.ts';
import {
  deliverAll,
  foundGroup,
  join,
  syncAll,
  testClock,
  transcript,
  type Peer,
  type TestGroup,
} from '../testing/group-peers.ts';

let group: TestGroup;
let ada: Peer;
let bo: Peer;
let mallory: Peer;
let adaMessage: string;
const clock = testClock();

beforeEach(async () => {
  group = await foundGroup(clock.now);
  ada = group.peers[0]!;
  bo = await join(group, ada, 2, 'Bo', clock.now);
  mallory = await join(group, ada, 6, 'Mallory', clock.now);
  clock.advance(1000);
  adaMessage = await ada.engine.send({ text: 'the meeting is at six' });
  await syncAll(group.peers);
});

/** Mallory seals a blob with her own valid device and the group key, as she likes. */
async function malloryBlob(
  payload: Uint8Array,
  overrides: Partial<SealInput> = {},
): Promise<Uint8Array> {
  const core = mallory.engine.core();
  const clientId = core.me.clientId;
  const seq = core.state.book.head(clientId) + 1;
  const prev = core.state.book.accepted(clientId, seq - 1);
  // Honest deps by default (everything she holds), so each test reaches the rule it targets.
  const deps = [...core.state.book.heads()]
    .filter(([device, head]) => device !== clientId && head > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([device, head]) => ({ device, seq: head }));
  const depIds = deps.map((d) => fromHex(core.state.book.accepted(d.device, d.seq)!.id));
  const sealed = await sealBlob({
    kind: 'content',
    groupId: group.groupId,
    epoch: 0,
    person: mallory.person.person.publicKey,
    seq,
    prev: prev ? fromHex(prev.id) : noPrevious(),
    time: { wall: clock.now(), counter: 0 },
    deps,
    depsHash: deps.length > 0 ? depsHash(depIds) : undefined,
    payload,
    contentKey: core.keys.get(0)!.contentKey,
    signer: mallory.person.device,
    random: seeded(77),
    ...overrides,
  });
  return sealed.bytes;
}

/** A copy of Mallory's doc, so a forgery does not change her own engine's state. */
function copyOfMalloryDoc(): Y.Doc {
  const doc = createContentDoc(mallory.engine.core().me.clientId);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(mallory.engine.core().state.docs.of(0)));
  reassertClientId(doc, mallory.engine.core().me.clientId);
  return doc;
}

const malloryDevice = () => ({
  id: mallory.engine.core().me.clientId,
  doc: mallory.engine.core().state.docs.of(0),
  sent: [],
});

/** Both honest peers receive the blobs; both must refuse them the same way and see nothing change. */
async function honestPeersRefuse(blobs: Uint8Array[], reason: string): Promise<void> {
  const before = [transcript(ada), transcript(bo)];
  for (const peer of [ada, bo]) {
    const rejectedBefore = peer.engine.core().state.rejections.length;
    await peer.engine.receive(blobs);
    const reasons = peer.engine
      .core()
      .state.rejections.slice(rejectedBefore)
      .map((r) => r.reason);
    expect(reasons, peer.name).toContain(reason);
  }
  expect([transcript(ada), transcript(bo)]).toEqual(before);
}

describe('a member who turns hostile', () => {
  it('cannot write as another person: the header’s person must own the signing device', async () => {
    const update = sendMessage(copyOfMalloryDoc(), {
      text: 'Ada here: the meeting is cancelled',
      at: clock.now(),
    });
    expect(update.ok).toBe(true);
    if (!update.ok) return;
    const blob = await malloryBlob(update.value.update, { person: ada.person.person.publicKey });
    await honestPeersRefuse([blob], 'person-mismatch');
  });

  it('cannot sign as another device', async () => {
    const update = forged(malloryDevice(), (doc) =>
      doc.getMap('messages').set(`${ada.engine.core().me.clientId}:99`, { text: 'x', at: 1 }),
    );
    const blob = await malloryBlob(update, { person: ada.person.person.publicKey });
    // She names Ada's device but can only sign with her own key.
    const bytes = blob.slice();
    bytes.set(ada.person.device.publicKey, 1 + 1 + 32 + 1 + 32);
    for (const peer of [ada, bo]) {
      const before = transcript(peer);
      const report = await peer.engine.receive([bytes]);
      expect(report.dropped).toBe(1);
      expect(transcript(peer)).toEqual(before);
    }
  });

  it('cannot edit, delete or react on behalf of someone else', async () => {
    const adaClient = ada.engine.core().me.clientId;
    const edit = forged(malloryDevice(), (doc) =>
      doc.getMap('edits').set(adaMessage, { text: 'cancelled', at: 2 }),
    );
    await honestPeersRefuse([await malloryBlob(edit)], 'foreign-key');
    const del = forged(malloryDevice(), (doc) => doc.getMap('deletes').set(adaMessage, { at: 2 }));
    await honestPeersRefuse([await malloryBlob(del)], 'foreign-key');
    const react = forged(malloryDevice(), (doc) =>
      doc.getMap('reactions').set(`${adaClient}:${adaMessage}:👎`, { on: true, at: 2 }),
    );
    await honestPeersRefuse([await malloryBlob(react)], 'foreign-key');
  });

  it('cannot write under a clientID she did not declare', async () => {
    const update = forged(
      { id: 424242, doc: mallory.engine.core().state.docs.of(0), sent: [] },
      (doc) => doc.getMap('messages').set('424242:1', { text: 'who am I', at: 3 }),
    );
    await honestPeersRefuse([await malloryBlob(update)], 'foreign-client');
  });

  it('cannot replay an old blob: it is recognised and changes nothing', async () => {
    const old = ada.storage.blobs.map((b) => b.bytes);
    for (const peer of [bo, mallory]) {
      const before = transcript(peer);
      const report = await peer.engine.receive(old);
      expect(report.accepted).toBe(0);
      expect(report.duplicate).toBe(old.length);
      expect(transcript(peer)).toEqual(before);
    }
  });

  it('cannot equivocate: two blobs at one position freeze her there on every peer', async () => {
    const one = forged(malloryDevice(), (d) =>
      d.getMap('messages').set(`${mallory.engine.core().me.clientId}:1`, { text: 'to Ada', at: 5 }),
    );
    const two = forged(malloryDevice(), (d) =>
      d.getMap('messages').set(`${mallory.engine.core().me.clientId}:1`, { text: 'to Bo', at: 5 }),
    );
    const toAda = await malloryBlob(one);
    const toBo = await malloryBlob(two);
    await ada.engine.receive([toAda]);
    await bo.engine.receive([toBo]);
    expect(transcript(ada)).not.toEqual(transcript(bo));
    await ada.engine.receive([toBo]);
    await bo.engine.receive([toAda]);
    expect(transcript(ada)).toEqual(transcript(bo));
    expect(transcript(ada).join('\n')).not.toMatch(/to Ada|to Bo/);
    for (const peer of [ada, bo])
      expect(peer.engine.core().state.book.forkedAt(mallory.engine.core().me.clientId)).toBe(1);
  });

  it('cannot reply to a message while hiding that she had seen it, nor go back in time', async () => {
    const reply = forged(malloryDevice(), (d) =>
      d
        .getMap('messages')
        .set(`${mallory.engine.core().me.clientId}:1`, { text: 'no', at: 1, replyTo: adaMessage }),
    );
    // She hides Ada's message from her deps (naming only her own admission, which she must
    // have seen) and dates the reply before it.
    const me = toHex(mallory.person.device.publicKey);
    const admitted = mallory.engine.members().devices.get(me)!.admittedBy!;
    const admission = ada.engine.core().state.book.accepted(admitted.clientId, admitted.seq)!;
    const hidden = await malloryBlob(reply, {
      time: { wall: 1, counter: 0 },
      deps: [{ device: admitted.clientId, seq: admitted.seq }],
      depsHash: depsHash([fromHex(admission.id)]),
    });
    await honestPeersRefuse([hidden], 'reply-outside-causal-past');

    await mallory.engine.send({ text: 'first' });
    await deliverAll(mallory, ada);
    await deliverAll(mallory, bo);
    const later = forged(malloryDevice(), (d) =>
      d.getMap('messages').set(`${mallory.engine.core().me.clientId}:2`, { text: 'second', at: 1 }),
    );
    await honestPeersRefuse(
      [await malloryBlob(later, { time: { wall: 1, counter: 0 } })],
      'clock-regressed',
    );
  });

  it('cannot date a message before what she had seen: it sorts after it anyway', async () => {
    const backdated = forged(malloryDevice(), (d) =>
      d
        .getMap('messages')
        .set(`${mallory.engine.core().me.clientId}:1`, { text: 'I was first', at: 1 }),
    );
    // Her deps honestly include Ada's message; her clock claims the dawn of time.
    const blob = await malloryBlob(backdated, { time: { wall: 1, counter: 0 } });
    for (const peer of [ada, bo]) {
      await peer.engine.receive([blob]);
      expect(transcript(peer).map((line) => line.split(': ')[1])).toEqual([
        'the meeting is at six',
        'I was first',
      ]);
    }
  });

  it('cannot flood peers with oversized blobs: they are dropped before being read', async () => {
    const junk = Array.from({ length: 200 }, (_, i) => new Uint8Array(70_000).fill(i));
    const huge = new Uint8Array(10 * 1024 * 1024);
    for (const peer of [ada, bo]) {
      const before = transcript(peer);
      const report = await peer.engine.receive([...junk, huge]);
      expect(report.dropped).toBe(201);
      expect(transcript(peer)).toEqual(before);
    }
  });
});
