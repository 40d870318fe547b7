import { describe, expect, it } from 'vitest';
import { parseBlob } from '../blob/parse.ts';
import { fromHex } from '../crypto/bytes.ts';
import { epochKeys } from '../group/epoch.ts';
import { inviteLink } from '../invite/code.ts';
import { loadGroupRecords } from './records.ts';
import { memoryNetwork } from './network.ts';
import { admitted, repoPerson, SIGNALING, waitFor } from './testing.ts';
import type { Repo } from './repo.ts';

const person = (n: number, name: string, net: ReturnType<typeof memoryNetwork>) =>
  repoPerson(n, name, net);

const texts = (repo: Repo, id: string) =>
  repo
    .get(id)!
    .page('latest', 50, 0)
    .items.map((m) => m.text);

describe('membership over the network', () => {
  it('every member has a colour of their own, the same on everyone’s screen and on their messages', async () => {
    const net = memoryNetwork();
    const people = [
      await person(1, 'Ada', net),
      await person(2, 'Bo', net),
      await person(3, 'Cy', net),
      await person(4, 'Dee', net),
    ];
    const [ada, ...others] = people as [(typeof people)[0], ...typeof people];
    const group = await ada.repo.create({ name: 'Co-op', signaling: SIGNALING });
    let id = '';
    for (const other of others)
      id = await admitted(await other.repo.join(inviteLink(await group.invite())));
    for (const p of people)
      await p.repo.get(id)!.send(
        `from ${
          p.repo
            .get(id)!
            .members()
            .find((m) => m.me)!.name
        }`,
      );
    await waitFor(() => people.every((p) => texts(p.repo, id).length === 4), 'sync');

    const tonesOn = (p: (typeof people)[0]) =>
      Object.fromEntries(
        p.repo
          .get(id)!
          .members()
          .map((m) => [m.name, m.tone]),
      );
    const seen = tonesOn(ada);
    expect(new Set(Object.values(seen)).size).toBe(4);
    for (const p of others) expect(tonesOn(p)).toEqual(seen);
    for (const p of people)
      for (const item of p.repo.get(id)!.page('latest', 50, 0).items)
        expect(item.author.tone).toBe(seen[item.author.name]);
  });

  it('Ada removes Cy: Ada and Bo go on in a new room; Bo, away meanwhile, follows on return', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const cy = await person(3, 'Cy', net);
    const group = await ada.repo.create({ name: 'Co-op', signaling: SIGNALING });
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    await admitted(await cy.repo.join(inviteLink(await group.invite())));
    await group.send('before');
    await waitFor(() => texts(cy.repo, id).length === 1 && texts(bo.repo, id).length === 1, 'sync');

    bo.endpoint.setOnline(false);
    expect(ada.repo.roomsOf(id)).toEqual([0]);
    expect(ada.repo.list().find((g) => g.id === id)?.epoch).toBe(0);
    const cyPerson = group.members().find((m) => m.name === 'Cy')!.person;
    await group.removeMember(cyPerson);
    await group.send('after');
    expect(group.members().map((m) => m.name)).toEqual(['Ada', 'Bo']);
    // Ada is in the new epoch's room, and keeps the old one while Bo has not moved. What the
    // header shows (peers connected) is the new room's: nobody removed is counted there.
    await waitFor(() => ada.repo.roomsOf(id).length === 2, 'both rooms');
    const now = ada.repo.engineOf(id)!.members().current;
    expect(now).not.toBe(0);
    expect(ada.repo.list().find((g) => g.id === id)?.epoch).toBe(now);
    // Someone nosy in the old room (Cy's app, modified to stay) is answered up to the
    // rotation, never with what was sealed in the new epoch.
    const [cyRecord] = await loadGroupRecords(cy.storage, cy.sealer);
    const oldKeys = epochKeys(fromHex(id), 0, cyRecord!.epochs[0]!.secret);
    const handed: Uint8Array[] = [];
    const nosy = net.endpoint().connect(
      {
        room: oldKeys.room,
        password: oldKeys.signalingPassword,
        signaling: SIGNALING,
        group: id,
        epoch: 0,
        device: 'nosy',
        clientId: 1,
      },
      {
        heads: () => new Map(),
        blobsAfter: () => Promise.resolve([]),
        receive: (blobs) => Promise.resolve(void handed.push(...blobs)),
        receiveRange: (blobs) => Promise.resolve(void handed.push(...blobs)),
        roomHeads: () => Promise.resolve(),
        roomPresence: () => Promise.resolve(),
      },
    );
    await waitFor(() => handed.length > 0, 'an answer in the old room');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const epochsHanded = new Set(
      handed.map((blob) => {
        const parsed = parseBlob(blob);
        return parsed.ok ? parsed.parsed.header.epoch : -1;
      }),
    );
    expect([...epochsHanded]).toEqual([0]);
    nosy.close();

    // Cy's app learns it (the removal is in the old epoch) and reads nothing new.
    await waitFor(() => cy.repo.get(id)!.standing().state === 'removed', 'Cy sees the removal');
    expect(cy.repo.get(id)!.standing()).toEqual({ state: 'removed', by: 'Ada' });
    await expect(cy.repo.get(id)!.send('let me in')).rejects.toThrow(/no longer a member/);

    // Bo comes back: he meets Ada in the old room, takes the keyring, moves, and reads on.
    bo.endpoint.setOnline(true);
    await waitFor(() => texts(bo.repo, id).length === 2, 'Bo catches up in the new epoch');
    await bo.repo.get(id)!.send('back, and Cy is gone?');
    await waitFor(() => group.count() === 3, 'Bo’s message at Ada');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(texts(cy.repo, id)).toEqual(['before']);
    expect(
      bo.repo
        .get(id)!
        .members()
        .map((m) => m.name),
    ).toEqual(['Ada', 'Bo']);
    // The conversation says what happened, in order, from each one's point of view.
    expect(group.notices().map((n) => n.text)).toEqual([
      'Bo joined',
      'Cy joined',
      'You removed Cy',
    ]);
    expect(
      bo.repo
        .get(id)!
        .notices()
        .map((n) => n.text),
    ).toEqual(['You joined', 'Cy joined', 'Ada removed Cy']);
    // While Bo was away Ada kept the old room too; once he holds the keyring, only the new.
    const current = ada.repo.engineOf(id)!.members().current;
    await waitFor(() => ada.repo.roomsOf(id).join() === String(current), 'Ada leaves the old room');
    // Bo leaves it too, once Ada's signed have-vector shows she holds the rotation.
    await waitFor(() => bo.repo.roomsOf(id).join() === String(current), 'Bo leaves the old room');
    // Cy is in no room of the group any more.
    await waitFor(() => cy.repo.roomsOf(id).length === 0, 'Cy in no room');
  });

  it('only admins remove and promote; anyone may leave, and the others rotate before writing', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const group = await ada.repo.create({ name: 'Pair', signaling: SIGNALING });
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    const boGroup = bo.repo.get(id)!;
    const adaPerson = group.members().find((m) => m.me)!.person;
    await expect(boGroup.removeMember(adaPerson)).rejects.toThrow(/Only an admin/);
    await expect(boGroup.promote(boGroup.members().find((m) => m.me)!.person)).rejects.toThrow(
      /Only an admin/,
    );
    await expect(bo.repo.forget(id)).rejects.toThrow(/Leave the group before/);
    await boGroup.leave();
    expect(boGroup.standing()).toEqual({ state: 'left' });
    await waitFor(() => group.members().length === 1, 'Ada sees Bo leave');
    await group.send('alone now');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(texts(bo.repo, id)).toEqual([]);
    expect(ada.repo.list()[0]?.members).toBe(1);
    // Bo deletes the group from his laptop: nothing of it is left, also after a restart.
    await bo.repo.forget(id);
    expect(bo.repo.list()).toEqual([]);
    expect(bo.storage.dump()).toEqual([]);
    await bo.repo.close();
    expect((await bo.start()).list()).toEqual([]);
  });

  it('an admin renames the group for everyone; a member cannot, nor to a bad name', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const group = await ada.repo.create({ name: 'Board', signaling: SIGNALING });
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    const boGroup = bo.repo.get(id)!;
    await expect(boGroup.rename('Mine now')).rejects.toThrow(/Only an admin/);
    await expect(group.rename('  ')).rejects.toThrow();
    await expect(group.rename('a\u202eb')).rejects.toThrow();
    await group.rename('  Board   of the co-op ');
    expect(group.name()).toBe('Board of the co-op');
    await waitFor(() => boGroup.name() === 'Board of the co-op', 'Bo sees the new name');
    expect(bo.repo.list()[0]?.name).toBe('Board of the co-op');
  });

  it('with “admins approve joins”, the joiner waits until an admin lets them in (or not)', async () => {
    const net = memoryNetwork();
    const ada = await person(1, 'Ada', net);
    const bo = await person(2, 'Bo', net);
    const cy = await person(3, 'Cy', net);
    const dee = await person(4, 'Dee', net);
    const group = await ada.repo.create({ name: 'Board', signaling: SIGNALING });
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    const boGroup = bo.repo.get(id)!;
    await expect(boGroup.setApproveJoins(true)).rejects.toThrow(/Only an admin/);
    await group.setApproveJoins(true);
    expect(group.standing()).toMatchObject({ state: 'member', adminsApproveJoins: true });
    await waitFor(
      () =>
        boGroup.standing().state === 'member' &&
        bo.repo.engineOf(id)!.members().settings.adminsApproveJoins,
      'Bo sees the setting',
    );

    // Cy asks with an invite Bo made: Bo, not an admin, only says it was seen.
    const link = inviteLink(await boGroup.invite());
    // Ada hears requests on an invite's topic once she has its op (the signaling server keeps
    // no history; the app asks again every few seconds, this test waits instead).
    await waitFor(() => ada.repo.engineOf(id)!.members().invites.size === 2, 'Ada has the invite');
    const cyJoin = await cy.repo.join(link);
    await waitFor(() => cyJoin.status().state === 'awaiting-approval', 'Cy waits for approval');
    await waitFor(() => group.joinRequests().length === 1, 'Ada sees the request');
    expect(boGroup.joinRequests()).toEqual([]);
    const [request] = group.joinRequests();
    expect(request?.name).toBe('Cy');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cyJoin.status().state).toBe('awaiting-approval');
    await group.approveJoin(request!.device);
    expect(await admitted(cyJoin)).toBe(id);
    expect(group.joinRequests()).toEqual([]);

    // Dee is turned away, and told so.
    const deeJoin = await dee.repo.join(link);
    await waitFor(() => group.joinRequests().length === 1, 'Dee’s request at Ada');
    group.declineJoin(group.joinRequests()[0]!.device);
    await waitFor(() => deeJoin.status().state === 'refused', 'Dee is told');
    expect(deeJoin.status()).toMatchObject({ reason: 'not-allowed' });
    expect(group.members().map((m) => m.name)).toEqual(['Ada', 'Bo', 'Cy']);
  });
});
