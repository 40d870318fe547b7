import { describe, expect, it } from 'vitest';
import { inviteLink } from '../invite/code.ts';
import { inviteIdOf } from '../membership/ops.ts';
import { makePerson, testEd } from '../testing/people.ts';
import { fromHex, toHex } from '../crypto/bytes.ts';
import { signHeads } from '../sync/heads.ts';
import { sealPresence } from '../sync/presence.ts';
import { memoryNetwork } from './network.ts';
import { admitted, repoPerson, SIGNALING, waitFor } from './testing.ts';
import { createRoomState } from './room-state.ts';
import type { Repo } from './repo.ts';

let now = 1_700_000_000_000;
const clock = () => now;
const person = (n: number, name: string, net: ReturnType<typeof memoryNetwork>) =>
  repoPerson(n, name, net, clock);

/** Ada's group "Friends", which Bo has joined: her handle, and his. */
async function friends() {
  const net = memoryNetwork();
  const ada = await person(1, 'Ada', net);
  const bo = await person(2, 'Bo', net);
  const group = await ada.repo.create({ name: 'Friends', signaling: SIGNALING });
  const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
  return { ada, bo, group, id, boGroup: bo.repo.get(id)! };
}

function texts(repo: Repo, id: string): string[] {
  return repo
    .get(id)!
    .page('latest', 50, 0)
    .items.map((m) => `${m.author.name}: ${m.text}`);
}

describe('GroupRepo', () => {
  it('creates a group, invites a friend who is let in automatically, and they talk both ways', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const group = await ada.repo.create({ name: 'Maple co-op', signaling: SIGNALING });
    await group.send('welcome to the co-op chat');
    const invite = await group.invite();

    const preview = bo.repo.previewInvite(inviteLink(invite));
    expect(preview.groupName).toBe('Maple co-op');
    expect(preview.hosts).toEqual(['signal.example.org']);

    const join = await bo.repo.join(inviteLink(invite));
    const id = await admitted(join);
    await waitFor(() => bo.repo.get(id)?.count() === 1, 'history');
    expect(texts(bo.repo, id)).toEqual(['Ada: welcome to the co-op chat']);

    const boGroup = bo.repo.get(id)!;
    const first = boGroup.page('latest', 0, 0).items[0]!;
    await boGroup.send('thanks! glad to be here', { replyTo: first.id });
    await waitFor(() => group.count() === 2, 'Bo’s reply at Ada');
    const reply = group.page('latest', 0, 0).items[0]!;
    expect(reply.author.name).toBe('Bo');
    expect(reply.replyTo).toMatchObject({ author: 'Ada', excerpt: 'welcome to the co-op chat' });
    expect(group.members().map((m) => `${m.name}:${m.role}`)).toEqual(['Ada:admin', 'Bo:member']);
    expect(boGroup.members().find((m) => m.me)?.name).toBe('Bo');
  });

  it('reports blobs it refuses, with the reason, for the sync panel', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const group = await ada.repo.create({ name: 'Watched', signaling: SIGNALING });
    const seen: string[] = [];
    group.on('rejected', (r) => seen.push(r.reason));
    await group.send('a blob to tamper with');
    const adaStorage = ada.storage.group(group.id);
    const [first] = adaStorage.blobs;
    const tampered = first!.bytes.slice();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    await ada.repo.engineOf(group.id)!.receive([tampered, new Uint8Array([1, 2, 3])]);
    expect(seen).toEqual(['bad-signature', 'malformed']);
  });

  it('a group opened by replaying its log seals a fresh snapshot, so the next start does not', async () => {
    const ada = await person(1, 'Ada', memoryNetwork());
    const group = await ada.repo.create({ name: 'Replayed', signaling: SIGNALING });
    for (const text of ['one', 'two', 'three']) await group.send(text);
    await ada.repo.close();
    // The snapshot is damaged (or was never written): the next start replays the log.
    const storage = ada.storage.group(group.id);
    await storage.putRecord('snapshot', new Uint8Array([1, 2, 3]));
    const again = await ada.start();
    expect(again.get(group.id)?.count()).toBe(3);
    let fresh = false;
    const look = () => {
      void storage.getRecord('snapshot').then((sealed) => {
        fresh = sealed !== null && sealed.length > 3;
      });
      return fresh;
    };
    await waitFor(look, 'a fresh snapshot');
    await again.close();
  });

  it('counts unread messages per person, and the count survives a restart', async () => {
    const { bo, group, id, boGroup } = await friends();
    for (const text of ['one', 'two', 'three']) await group.send(text);
    await waitFor(() => boGroup.count() === 3, 'three messages');
    expect(bo.repo.list()[0]).toMatchObject({ name: 'Friends', unread: 3, members: 2 });
    await boGroup.send('my own messages are never unread');
    await boGroup.markRead(boGroup.page('latest', 3, 0).items[1]!.id);
    expect(boGroup.unread().count).toBe(1);

    await bo.repo.close();
    const restarted = await bo.start();
    expect(restarted.list()[0]).toMatchObject({ name: 'Friends', unread: 1 });
    expect(texts(restarted, id)).toEqual([
      'Ada: one',
      'Ada: two',
      'Ada: three',
      'Bo: my own messages are never unread',
    ]);
    expect(restarted.list()[0]?.last?.text).toBe('my own messages are never unread');
  });

  it('keeps the unread count and mentions until messages change, then counts again', async () => {
    const { bo, group, boGroup } = await friends();
    const boKey = toHex(bo.person.person.publicKey);
    await group.send('hello');
    const asked = await group.send('@Bo are you coming?', { mentions: [boKey] });
    await waitFor(() => boGroup.count() === 2, 'two messages');
    expect(bo.repo.list()[0]).toMatchObject({ unread: 2, mentions: 1 });
    expect(boGroup.unread()).toBe(boGroup.unread()); // kept: nothing changed
    await group.remove(asked);
    await waitFor(() => boGroup.unread().count === 1, 'the deleted message no longer unread');
    expect(boGroup.unread()).toEqual({ count: 1, mentions: 0 });
    await group.send('again, @Bo', { mentions: [boKey] });
    await waitFor(() => boGroup.count() === 3, 'the third message');
    expect(boGroup.unread()).toEqual({ count: 2, mentions: 1 });
    await boGroup.markRead(boGroup.page('latest', 3, 0).items.at(-1)!.id);
    expect(boGroup.unread()).toEqual({ count: 0, mentions: 0 });
  });

  it('counts nothing from before a joiner came in as unread; what comes after, it does', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const group = await ada.repo.create({ name: 'Archive', signaling: SIGNALING });
    for (const text of ['one', 'two', 'three']) await group.send(text);
    now += 1000;
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    const boGroup = bo.repo.get(id)!;
    await waitFor(() => boGroup.count() === 3, 'the history');
    expect(boGroup.unread()).toEqual({ count: 0, mentions: 0 });
    expect(bo.repo.list()[0]).toMatchObject({ unread: 0, mentions: 0 });
    now += 1000;
    const news = await group.send('welcome, Bo');
    await waitFor(() => boGroup.count() === 4, 'the new message');
    expect(boGroup.unread()).toEqual({ count: 1, mentions: 0 });
    // The conversation opens at what is new since he came in.
    const page = boGroup.page('first-unread', 1, 1);
    expect(page.items[page.anchorIndex]?.id).toBe(news);
    // Reading an older message never moves the marker back to before he came in.
    await boGroup.markRead(boGroup.page('latest', 3, 0).items[0]!.id);
    expect(boGroup.unread().count).toBe(1);
  });

  it('pages around a message, never handing over the whole conversation', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const group = await ada.repo.create({ name: 'Long', signaling: SIGNALING });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await group.send(`m${i}`));
    const page = group.page({ id: ids[10]! }, 3, 2);
    expect(page.items.map((m) => m.text)).toEqual(['m7', 'm8', 'm9', 'm10', 'm11', 'm12']);
    expect(page).toMatchObject({ start: 7, total: 30, anchorIndex: 3 });
    expect(group.page('latest', 2, 5).items.map((m) => m.text)).toEqual(['m27', 'm28', 'm29']);
    expect(group.page({ id: 'nope' }, 2, 2).items).toEqual([]);
  });

  it('tells the joiner plainly when an invite was withdrawn, and refuses expired ones before asking', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const group = await ada.repo.create({ name: 'Private', signaling: SIGNALING });
    const invite = await group.invite();
    const adaGroup = ada.repo.get(group.id)!;
    await adaGroupRevoke(ada.repo, group.id, inviteIdOf(invite.inviteSecret));
    const join = await bo.repo.join(inviteLink(invite));
    await waitFor(() => join.status().state === 'refused', 'refusal');
    expect(join.status()).toMatchObject({ state: 'refused', reason: 'revoked' });
    const refused = join.status();
    expect(refused.state === 'refused' && refused.message).toMatch(/withdrawn/);
    expect(adaGroup.members()).toHaveLength(1);

    const shortLived = await group.invite({ expiresInMs: 1000 });
    now += 2000;
    await expect(bo.repo.join(inviteLink(shortLived))).rejects.toMatchObject({
      name: 'InviteError',
      reason: 'expired',
    });
  });

  it('waits while no member is online, and gets in once one is', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const group = await ada.repo.create({ name: 'Sleepy', signaling: SIGNALING });
    const invite = await group.invite();
    ada.endpoint.setOnline(false);
    const join = await bo.repo.join(inviteLink(invite));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(join.status().state).toBe('waiting');
    ada.endpoint.setOnline(true);
    join.retry();
    await admitted(join);
  });

  it('keeps no plaintext at rest: records and the blob log are sealed', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const group = await ada.repo.create({ name: 'Secret plans', signaling: SIGNALING });
    await group.send('the surprise party is on friday');
    const needle = new TextEncoder().encode('surprise party');
    const name = new TextEncoder().encode('Secret plans');
    for (const bytes of ada.storage.dump()) {
      expect(indexOf(bytes, needle)).toBe(-1);
      expect(indexOf(bytes, name)).toBe(-1);
    }
  });
});

async function adaGroupRevoke(repo: Repo, id: string, inviteId: Uint8Array): Promise<void> {
  await repo.get(id)!.revokeInvite(inviteId);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('catching up a long history', () => {
  it('a joiner gets every message even when ranges are answered a slice at a time', async () => {
    const net = memoryNetwork();
    const ada = await person(21, 'Ada', net);
    const bo = await person(22, 'Bo', net);
    const group = await ada.repo.create({ name: 'Archive', signaling: SIGNALING });
    for (let i = 1; i <= 300; i++) await group.send(`note ${i}`);
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    await waitFor(() => bo.repo.get(id)?.count() === 300, 'all 300 messages', 20_000);
    expect(texts(bo.repo, id).at(-1)).toBe('Ada: note 300');
  });
});

describe('delivery and presence in the room', () => {
  async function threeOfUs() {
    const net = memoryNetwork();
    const ada = await person(11, 'Ada', net);
    const bo = await person(12, 'Bo', net);
    const cy = await person(13, 'Cy', net);
    const group = await ada.repo.create({ name: 'Allotment', signaling: SIGNALING });
    const invite = inviteLink(await group.invite());
    const id = await admitted(await bo.repo.join(invite));
    await admitted(await cy.repo.join(invite));
    await waitFor(() => group.members().length === 3, 'three members');
    return { net, ada, bo, cy, id, group };
  }
  const deliveryOf = (repo: Repo, id: string, text: string) =>
    repo
      .get(id)!
      .page('latest', 50, 0)
      .items.find((m) => m.text === text)?.delivery;

  it('counts who holds my message, per person, from signed have-vectors, across a restart', async () => {
    const { ada, cy, id } = await threeOfUs();
    cy.endpoint.setOnline(false);
    const sent = await ada.repo.get(id)!.send('seed potatoes are in');
    expect(ada.repo.get(id)!.page({ id: sent }, 0, 0).items[0]!.delivery?.of).toBe(3);
    await waitFor(
      () => deliveryOf(ada.repo, id, 'seed potatoes are in')?.held === 2,
      'Bo holds it',
    );
    cy.endpoint.setOnline(true);
    await waitFor(
      () => deliveryOf(ada.repo, id, 'seed potatoes are in')?.held === 3,
      'everyone holds it',
    );
    // Others' messages carry no delivery state of ours.
    await waitFor(() => cy.repo.get(id)?.count() === 1, 'Cy has it');
    expect(deliveryOf(cy.repo, id, 'seed potatoes are in')).toBeNull();

    // Ada restarts while Bo and Cy are offline: the count comes back from the heads doc.
    await ada.repo.close();
    const restarted = await ada.start();
    await waitFor(
      () => deliveryOf(restarted, id, 'seed potatoes are in')?.held === 3,
      'count after restart',
    );
  });

  it('shows who is here, who is typing and how far each person has read', async () => {
    const { ada, bo, id } = await threeOfUs();
    const adaGroup = ada.repo.get(id)!;
    const boGroup = bo.repo.get(id)!;
    await waitFor(() => adaGroup.presence().online.length === 2, 'Bo and Cy online');

    boGroup.setTyping(true);
    await waitFor(() => adaGroup.presence().typing.some((p) => p.name === 'Bo'), 'Bo typing');
    const sent = await boGroup.send('on my way');
    await waitFor(() => adaGroup.presence().typing.length === 0, 'typing stops on send');

    await waitFor(() => adaGroup.count() === 1, 'Ada has it');
    await adaGroup.markRead(sent);
    await waitFor(
      () => boGroup.presence().readUpTo.some((r) => r.name === 'Ada' && r.messageId === sent),
      'Bo sees Ada read it',
    );

    bo.endpoint.setOnline(false);
    await waitFor(() => adaGroup.presence().online.length === 1, 'Bo gone');
  });

  it('ignores presence and heads that are forged, from outsiders or garbage', async () => {
    const { ada, id } = await threeOfUs();
    const engine = ada.repo.engineOf(id)!;
    const groupId = fromHex(id);
    const mallory = await makePerson(99, 'Mallory');
    // Mallory even has the content key (say it leaked) but is not a member.
    const contentKey = new Uint8Array(32).fill(5);
    const room = createRoomState({
      ed: testEd,
      group: groupId,
      members: () => engine.members(),
      myPerson: 'me',
      myDevice: 'mine',
      contentKeys: () => [contentKey],
      now: clock,
    });
    const fake = await sealPresence(
      mallory.device,
      groupId,
      contentKey,
      { at: now, typing: true, readUpTo: '' },
      (n) => new Uint8Array(n),
    );
    const fakeHeads = await signHeads(mallory.device, groupId, engine.heads(), now);
    expect(await room.acceptPresence([fake, new Uint8Array([1, 2, 3])])).toBe(false);
    expect(await room.acceptHeads([fakeHeads, new Uint8Array(40)])).toBe(false);
    expect(room.presence().online).toEqual([]);
    const [clientId, seq] = [...engine.heads()][0]!;
    expect(room.delivery(clientId, seq).held).toBe(1);
  });
});
