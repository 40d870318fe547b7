import { describe, expect, it } from 'vitest';
import { boxKeyPairFromSecret } from '../identity/keys.ts';
import { inviteLink } from '../invite/code.ts';
import { decodeLinkOffer, LinkError } from '../link/code.ts';
import { seeded, testEd, type TestPerson } from '../testing/people.ts';
import { requestLink } from './link.ts';
import { memoryNetwork } from './network.ts';
import type { Repo } from './repo.ts';
import { admitted, repoDevice, repoPerson, SIGNALING, waitFor } from './testing.ts';

const texts = (repo: Repo, id: string) =>
  repo
    .get(id)!
    .page('latest', 50, 0)
    .items.map((m) => `${m.author.name}: ${m.text}`);

/** A fresh laptop: its own device and box keys, and no person yet. */
async function freshLaptop(n: number) {
  const random = seeded(2000 + n);
  return { device: await testEd.signerFromSeed(random(32)), box: boxKeyPairFromSecret(random(32)) };
}

describe('linking a second device', () => {
  it('Bo links a laptop: it is admitted to his groups, reads all history and writes as Bo', async () => {
    const net = memoryNetwork();
    const ada = await repoPerson(1, 'Ada', net);
    const bo = await repoPerson(2, 'Bo', net);
    const coop = await ada.repo.create({ name: 'Co-op', signaling: SIGNALING });
    const id = await admitted(await bo.repo.join(inviteLink(await coop.invite())));
    await coop.send('first');
    await bo.repo.get(id)!.send('second');
    const own = await bo.repo.create({ name: 'Notes to self', signaling: SIGNALING });
    await own.send('remember the milk');
    await waitFor(() => texts(ada.repo, id).length === 2, 'history');

    // Bo's first laptop shows a code; the new one asks with it.
    const session = bo.repo.offerLink(SIGNALING);
    const offer = decodeLinkOffer(session.code, Date.now());
    const laptop = await freshLaptop(1);
    const endpoint = net.endpoint();
    const pending = await requestLink({
      ed: testEd,
      offer,
      ...laptop,
      network: endpoint,
      now: Date.now,
      random: seeded(77),
    });
    await waitFor(() => session.status().state === 'asking', 'the request');
    const shown = session.status();
    const check = pending.status();
    // Both screens show the same six digits.
    expect(shown.state === 'asking' && check.state === 'waiting' && shown.check).toBe(
      check.state === 'waiting' ? check.check : 'no',
    );
    await session.approve(bo.person.personSeed);
    expect(session.status()).toEqual({ state: 'linked', groups: 2 });
    await waitFor(() => pending.status().state === 'linked', 'the package');
    const linked = pending.status();
    if (linked.state !== 'linked') throw new Error('not linked');
    const pkg = linked.package;
    expect(pkg.groups).toHaveLength(2);

    // The laptop is Bo now: same person, its own certified device.
    const person = await testEd.signerFromSeed(pkg.personSeed);
    const bo2: TestPerson = {
      person,
      personSeed: pkg.personSeed,
      device: laptop.device,
      box: laptop.box,
      certificate: pkg.certificate,
      name: pkg.name,
    };
    const second = await repoDevice(bo2, 12, net);
    await second.repo.adoptLinked(pkg.groups);
    await second.repo.adoptLinked(pkg.groups); // after a restart: nothing twice
    expect(second.repo.list()).toHaveLength(2);
    await waitFor(() => texts(second.repo, id).length === 2, 'the full history');
    expect(texts(second.repo, id)).toEqual(['Ada: first', 'Bo: second']);
    await waitFor(() => texts(second.repo, own.id).length === 1, 'Bo’s own group');
    await waitFor(() => second.repo.get(id)!.standing().state === 'member', 'membership');
    await second.repo.get(id)!.send('from the new laptop');
    await waitFor(() => texts(ada.repo, id).length === 3, 'Ada gets it');
    expect(texts(ada.repo, id)[2]).toBe('Bo: from the new laptop');

    // Everyone sees one Bo with two devices, and is told to compare safety numbers.
    const boItem = coop.members().find((m) => m.name === 'Bo')!;
    expect(boItem.devices).toBe(2);
    expect(coop.notices().map((n) => n.text)).toContain(
      'Bo added a device. Compare safety numbers.',
    );
    const mine = second.repo
      .get(id)!
      .members()
      .find((m) => m.me)!;
    expect(mine.deviceList.map((d) => d.thisDevice)).toEqual([false, true]);

    // Settings lists Bo's two devices, each in both groups.
    const listed = bo.repo.myDevices();
    expect(listed.map((d) => [d.thisDevice, d.groups])).toEqual([
      [true, 2],
      [false, 2],
    ]);
    await expect(bo.repo.unlinkEverywhere(listed[0]!.device)).rejects.toThrow(/you are using/);

    // Bo unlinks the laptop from the first one, in every group: new epochs it cannot read.
    expect(await bo.repo.unlinkEverywhere(mine.deviceList[1]!.device)).toBe(2);
    expect(bo.repo.myDevices()).toHaveLength(1);
    await waitFor(
      () => second.repo.get(own.id)!.standing().state === 'unlinked',
      'the laptop is out of Bo’s own group too',
    );
    await waitFor(
      () => second.repo.get(id)!.standing().state === 'unlinked',
      'the laptop learns it',
    );
    expect(second.repo.get(id)!.standing()).toEqual({ state: 'unlinked', by: 'Bo' });
    await waitFor(() => ada.repo.get(id)!.members()[1]!.devices === 1, 'Ada sees it');
    await coop.send('after the unlink');
    await waitFor(() => texts(bo.repo, id).length === 4, 'Bo reads on');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(texts(second.repo, id)).not.toContain('Ada: after the unlink');
    await expect(second.repo.get(id)!.send('still here?')).rejects.toThrow(/no longer a member/);
  });

  it('a declined request, a stranger’s request and bad codes get clear answers', async () => {
    const net = memoryNetwork();
    const bo = await repoPerson(2, 'Bo', net);
    const session = bo.repo.offerLink(SIGNALING);
    const offer = decodeLinkOffer(session.code, Date.now());
    // Someone with another link secret publishes on the topic: nothing happens.
    const stranger = await requestLink({
      ed: testEd,
      offer: { ...offer, linkSecret: new Uint8Array(16).fill(1) },
      ...(await freshLaptop(2)),
      network: net.endpoint(),
      now: Date.now,
      random: seeded(78),
    });
    const pending = await requestLink({
      ed: testEd,
      offer,
      ...(await freshLaptop(3)),
      network: net.endpoint(),
      now: Date.now,
      random: seeded(79),
    });
    await waitFor(() => session.status().state === 'asking', 'the request');
    session.decline();
    await waitFor(() => pending.status().state === 'declined', 'the refusal');
    expect(stranger.status().state).toBe('waiting');
    await expect(session.approve(bo.person.personSeed)).rejects.toThrow(/No device is asking/);

    expect(() => decodeLinkOffer(session.code, Date.now() + 11 * 60_000)).toThrow(/expired/);
    for (const [bad, reason] of [
      ['', 'empty'],
      ['https://example.org', 'not-a-link-code'],
      [inviteLink({ ...offerInvite(), groupId: new Uint8Array(32) }), 'not-a-link-code'],
      [session.code.slice(0, -3), 'damaged'],
    ] as const) {
      try {
        decodeLinkOffer(bad, Date.now());
        expect.unreachable(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(LinkError);
        expect((error as LinkError).reason).toBe(reason);
      }
    }
  });
});

function offerInvite() {
  return {
    version: 1 as const,
    groupId: new Uint8Array(32),
    inviteSecret: new Uint8Array(16),
    inviter: new Uint8Array(32),
    expiresAt: null,
    groupName: 'x',
    signaling: SIGNALING,
  };
}
