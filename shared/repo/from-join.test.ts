import { describe, expect, it } from 'vitest';
import { boxKeyPairFromSecret } from '../identity/keys.ts';
import { inviteLink } from '../invite/code.ts';
import { decodeLinkOffer } from '../link/code.ts';
import { seeded, testEd, type TestPerson } from '../testing/people.ts';
import { requestLink } from './link.ts';
import { memoryNetwork } from './network.ts';
import type { Repo } from './repo.ts';
import { admitted, repoDevice, repoPerson, SIGNALING, waitFor } from './testing.ts';

const texts = (repo: Repo, id: string) =>
  repo
    .get(id)!
    .page('latest', 50, 0)
    .items.map((m) => `${m.author.name}: ${m.text}${m.edited ? ' (edited)' : ''}`);

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** Ada's group whose newcomers read from their join on, and Bo, not in it yet. */
async function fromJoinGroup() {
  const net = memoryNetwork();
  const ada = await repoPerson(1, 'Ada', net);
  const bo = await repoPerson(2, 'Bo', net);
  const group = await ada.repo.create({
    name: 'Co-op',
    signaling: SIGNALING,
    settings: { historyPolicy: 'from-join' },
  });
  return { net, ada, bo, group };
}

describe('history "only from their join"', () => {
  it('a newcomer reads from their join on; what came before stays sealed, also after a restart', async () => {
    const { net, ada, bo, group } = await fromJoinGroup();
    const cy = await repoPerson(3, 'Cy', net);
    expect(ada.repo.list()[0]?.historyPolicy).toBe('from-join');
    await group.send('before Bo');
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    // Bo's admission started a new epoch at once; Bo holds its secret and no older one.
    const engineOfBo = bo.repo.engineOf(id)!;
    await waitFor(() => engineOfBo.members().people.size === 2, 'the membership log');
    const current = ada.repo.engineOf(id)!.members().current;
    expect(current).not.toBe(0);
    expect([...engineOfBo.core().keys.keys()]).toEqual([current]);
    expect([...engineOfBo.core().membershipKeys.keys()]).toEqual([0]);

    await group.send('after Bo');
    await waitFor(() => texts(bo.repo, id).length === 1, 'Bo gets what came after him');
    await bo.repo.get(id)!.send('hello all');
    await waitFor(() => texts(ada.repo, id).length === 3, 'Ada gets Bo');
    // Ada edits and reacts to the old message, and replies to it: Bo sees the reply only.
    const [old] = group.page('latest', 50, 0).items;
    await group.edit(old!.id, 'before Bo, edited');
    await group.react(old!.id, '👍', true);
    await group.send('about that', { replyTo: old!.id });
    await waitFor(() => texts(bo.repo, id).length === 3, 'the reply');
    await settle();
    expect(texts(bo.repo, id)).toEqual(['Ada: after Bo', 'Bo: hello all', 'Ada: about that']);
    expect(texts(ada.repo, id)).toEqual([
      'Ada: before Bo, edited (edited)',
      'Ada: after Bo',
      'Bo: hello all',
      'Ada: about that',
    ]);
    // Bo holds every blob (he relays them), sealed: his chains match Ada's.
    await waitFor(
      () =>
        JSON.stringify([...engineOfBo.heads()]) ===
        JSON.stringify([...ada.repo.engineOf(id)!.heads()]),
      'the same chains',
    );

    // Nothing was refused on the way: the older blobs were taken in, sealed.
    expect(engineOfBo.core().state.rejections).toEqual([]);

    // Cy joins later still: he sees only what follows his own join, Bo's included.
    const cyId = await admitted(await cy.repo.join(inviteLink(await group.invite())));
    await bo.repo.get(id)!.send('welcome Cy');
    await waitFor(() => texts(cy.repo, cyId).length === 1, 'Cy gets what came after him');
    await settle();
    expect(texts(cy.repo, cyId)).toEqual(['Bo: welcome Cy']);
    expect(
      cy.repo
        .get(cyId)!
        .members()
        .map((m) => m.name),
    ).toEqual(['Ada', 'Bo', 'Cy']);

    // A restart opens what Bo had from his snapshot and keys: the same view.
    await bo.repo.close();
    const again = await bo.start();
    await waitFor(() => texts(again, id).length === 4, 'Bo after a restart');
    expect(texts(again, id)).toEqual([
      'Ada: after Bo',
      'Bo: hello all',
      'Ada: about that',
      'Bo: welcome Cy',
    ]);
  });

  it('Bo links a laptop in a "from join" group: it reads what Bo reads, nothing older', async () => {
    const { net, ada, bo, group } = await fromJoinGroup();
    await group.send('before Bo');
    const id = await admitted(await bo.repo.join(inviteLink(await group.invite())));
    await group.send('after Bo');
    await waitFor(() => texts(bo.repo, id).length === 1, 'Bo');

    const session = bo.repo.offerLink(SIGNALING);
    const random = seeded(2100);
    const laptop = {
      device: await testEd.signerFromSeed(random(32)),
      box: boxKeyPairFromSecret(random(32)),
    };
    const pending = await requestLink({
      ed: testEd,
      offer: decodeLinkOffer(session.code, Date.now()),
      ...laptop,
      network: net.endpoint(),
      now: Date.now,
      random: seeded(78),
    });
    await waitFor(() => session.status().state === 'asking', 'the request');
    await session.approve(bo.person.personSeed);
    await waitFor(() => pending.status().state === 'linked', 'the package');
    const linked = pending.status();
    if (linked.state !== 'linked') throw new Error('not linked');
    const [handed] = linked.package.groups;
    expect(handed?.membershipKeys.map((k) => k.epoch)).toEqual([0]);
    const bo2: TestPerson = {
      person: await testEd.signerFromSeed(linked.package.personSeed),
      personSeed: linked.package.personSeed,
      ...laptop,
      certificate: linked.package.certificate,
      name: linked.package.name,
    };
    const second = await repoDevice(bo2, 22, net);
    await second.repo.adoptLinked(linked.package.groups);
    await waitFor(() => texts(second.repo, id).length === 1, 'what Bo reads');
    // No new epoch for a person's own device: it is handed what Bo holds.
    expect(ada.repo.engineOf(id)!.members().epochs.size).toBe(2);
    await second.repo.get(id)!.send('from the laptop');
    await waitFor(() => texts(ada.repo, id).length === 3, 'Ada gets it');
    expect(texts(second.repo, id)).toEqual(['Ada: after Bo', 'Bo: from the laptop']);
  });
});
