// A real 5-device group seen from its first device, its engine filled with generated
// messages (core-fixtures.ts): what the search and unread benchmarks read.
import { toHex } from '../shared/crypto/bytes.ts';
import type { GroupEngine } from '../shared/group/engine.ts';
import type { OrderKey } from '../shared/group/order.ts';
import { createGroupHandle, type GroupHandle } from '../shared/repo/handle.ts';
import { createRoomState } from '../shared/repo/room-state.ts';
import { foundGroup, join, testClock, type Peer } from '../shared/testing/group-peers.ts';
import { testEd } from '../shared/testing/people.ts';
import { fillEngine } from './core-fixtures.ts';

export type BigGroup = {
  handle: GroupHandle;
  engine: GroupEngine;
  myPerson: string;
  /** Where the reader has read up to, as the handle's `readKey` sees it. */
  setReadKey: (key: OrderKey | null) => void;
};

export async function bigGroup(
  messages: number,
  text: (random: () => number, i: number) => string,
): Promise<BigGroup> {
  const clock = testClock();
  const group = await foundGroup(clock.now);
  for (let n = 2; n <= 5; n++) await join(group, group.peers[0] as Peer, n, `P${n}`, clock.now);
  const engine = (group.peers[0] as Peer).engine;
  fillEngine(
    engine,
    group.peers.map((p) => p.engine.core().me.clientId),
    messages,
    text,
  );
  const { me } = engine.core();
  const myPerson = toHex(me.person);
  const room = createRoomState({
    ed: testEd,
    group: group.groupId,
    members: () => engine.members(),
    myPerson,
    myDevice: toHex(me.signer.publicKey),
    contentKeys: () => [],
    now: clock.now,
  });
  let readKey: OrderKey | null = null;
  const handle = createGroupHandle({
    id: 'bench',
    engine,
    myPerson,
    readKey: () => readKey,
    saveReadKey: () => Promise.resolve(),
    invite: () => Promise.reject(new Error('no invites in the benchmark')),
    room,
    onRoom: () => () => undefined,
    publishPresence: () => undefined,
    joinRequests: {
      requests: () => [],
      approve: () => Promise.resolve(),
      decline: () => undefined,
      onRequests: () => () => undefined,
    },
  });
  return {
    handle,
    engine,
    myPerson,
    setReadKey: (key) => {
      readKey = key;
    },
  };
}
