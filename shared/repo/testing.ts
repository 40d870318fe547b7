// Repos for tests: a person's device with memory storage on a memory network, and waiting
// for what the network does asynchronously.
import { after } from '../timers.ts';
import { createSealer } from '../storage/sealer.ts';
import { memoryRepoStorage } from '../storage/storage.ts';
import { makePerson, seeded, testCrypto, testEd, type TestPerson } from '../testing/people.ts';
import type { memoryNetwork } from './network.ts';
import { createRepo, type PendingJoin, type RepoDeps } from './repo.ts';

export const SIGNALING = ['wss://signal.example.org'];

export async function waitFor(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => {
      after(5, resolve);
    });
  }
}

/** Person `n`'s device on `net`; `start` opens the repo again over the same storage. */
export async function repoPerson(
  n: number,
  name: string,
  net: ReturnType<typeof memoryNetwork>,
  clock: () => number = () => Date.now(),
) {
  return repoDevice(await makePerson(n, name), n, net, clock);
}

/** A repo for a given person's device (`n` seeds its storage key). */
export async function repoDevice(
  p: TestPerson,
  n: number,
  net: ReturnType<typeof memoryNetwork>,
  clock: () => number = () => Date.now(),
) {
  const storage = memoryRepoStorage();
  const sealer = await createSealer(testCrypto, seeded(400 + n)(32));
  const endpoint = net.endpoint();
  const start = (more: Pick<RepoDeps, 'opening'> = {}) =>
    createRepo({
      ...more,
      identity: {
        person: p.person,
        device: p.device,
        box: p.box,
        certificate: p.certificate,
        name: p.name,
      },
      ed: testEd,
      sealer,
      storage,
      network: endpoint,
      now: clock,
      random: (length) => testCrypto.getRandomValues(new Uint8Array(length)),
    });
  return { repo: await start(), storage, sealer, endpoint, start, person: p };
}

export async function admitted(join: PendingJoin): Promise<string> {
  await waitFor(() => join.status().state === 'admitted', 'admission');
  const status = join.status();
  if (status.state !== 'admitted') throw new Error('not admitted');
  return status.groupId;
}
