// A Fellows device in a Node process, for end-to-end tests and benchmarks: the real core
// (`createRepo`) with in-memory storage and WebCrypto Ed25519 (shared/testing's people), and
// the app's real network host (y-webrtc rooms with the blob channel, the signaling pub/sub)
// over @roamhq/wrtc and ws.
//
//   npx tsx e2e/node-peer/peer.ts --seed 1 --name Ada
//
// It speaks JSON lines: one command a line on stdin, `{"id":1,"cmd":"create",...}`; each is
// answered on stdout with `{"id":1,"ok":true,...}` or `{"id":1,"ok":false,"error":"..."}`, and
// events come as `{"event":"message",...}`. Logs go to stderr. Every `at` is milliseconds on
// the system's monotonic clock, comparable between processes. `client.ts` drives it.
//
//   create {groupName, messages, signaling, offline?, cache?, firstText?}  a group of `message 1` …
//          `message N` by this person → {groupId, count, generated}; offline: Fellows is closed
//          until `online`; groups of 1,000 messages or more are kept in fixture.ts's CACHE_DIR
//          (cache: false, not); firstText: the first message's text instead of `message 1`
//   online                      opens Fellows again, now on the network
//   invite {groupId}            → {code, link}
//   room {groupId}              → {room}: the group's y-webrtc room name (not its password)
//   send {groupId, text}        → {messageId, at}, `at` taken just before the send call
//   watch {groupId}             then a `message` event {groupId, text, at} per new message, once
//                               handle.page() shows it
//   join {code}                 → {groupId, at} when a member has let us in (state 'syncing')
//   waitCount {groupId, count}  → {count, at} once the conversation holds `count` messages
//   status {groupId}            → {count, peers}
//   oldest {groupId}            → {messageId, text}: the first message of the conversation
//   quit
//
// One process is one peer: y-webrtc keeps its rooms in a module-global map.
// env.ts first: it gives this process what a window has (WebSocket, IndexedDB, WebRTC).
import { monotonicMs } from './env.ts';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { encodeInvite, inviteLink } from '../../shared/invite/code.ts';
import { fromHex } from '../../shared/crypto/bytes.ts';
import { epochKeys } from '../../shared/group/epoch.ts';
import type { GroupHandle } from '../../shared/repo/handle.ts';
import type { Network } from '../../shared/repo/network.ts';
import { loadGroupRecords } from '../../shared/repo/records.ts';
import { createRepo, type Repo } from '../../shared/repo/repo.ts';
import { testEd } from '../../shared/testing/people.ts';
import { deviceOf, groupWithHistory, random, setSignaling } from './fixture.ts';
import { offlineNetwork } from '../../renderer/src/sync/offline-network.ts';
import { nodeNetwork } from './network.ts';
import { fileRepoStorage, type FileRepoStorage } from './storage.ts';

// stdout carries the protocol only: anything logged goes to stderr.
const toStderr = (...args: unknown[]) => {
  console.error(...args);
};
Object.assign(console, { log: toStderr, info: toStderr, debug: toStderr });

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '1' }, name: { type: 'string', default: 'Ada' } },
});
const seed = Number(values.seed);
const { identity, sealer } = await deviceOf(seed, values.name);
const online = nodeNetwork();

let storage: FileRepoStorage = fileRepoStorage();
let repo: Repo | null = null;
const start = (network: Network) =>
  createRepo({
    identity,
    ed: testEd,
    sealer,
    storage,
    network,
    now: () => Date.now(),
    random,
  });

function out(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

process.on('uncaughtException', (error) => {
  console.error('node-peer: uncaught', error);
  out({ event: 'uncaught', message: String(error) });
});
process.on('unhandledRejection', (error) => {
  console.error('node-peer: unhandled rejection', error);
  out({ event: 'uncaught', message: String(error) });
});

type Command = Record<string, unknown> & { id: number; cmd: string };

const str = (c: Command, key: string): string => {
  const value = c[key];
  if (typeof value !== 'string') throw new Error(`${c.cmd}: ${key} must be a string`);
  return value;
};

async function openRepo(): Promise<Repo> {
  repo ??= await start(online.network);
  return repo;
}

function handleOf(c: Command): GroupHandle {
  const handle = repo?.get(str(c, 'groupId'));
  if (!handle) throw new Error(`${c.cmd}: no such group here`);
  return handle;
}

function once(handle: GroupHandle, ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ready()) return false;
      off();
      resolve();
      return true;
    };
    const off = handle.on('messages', check);
    check();
  });
}

const commands: Record<string, (c: Command) => Promise<Record<string, unknown>>> = {
  async create(c) {
    if (repo) throw new Error('create: this peer already runs; use a new process');
    const messages = Number(c.messages ?? 0);
    const make = (cache: 'use' | 'renew' | 'none') =>
      groupWithHistory({
        seed,
        name: values.name,
        groupName: str(c, 'groupName'),
        messages,
        ...(c.firstText === undefined ? {} : { firstText: str(c, 'firstText') }),
        cache,
        progress: (n) => {
          console.error(`node-peer: wrote ${n} messages`);
        },
      });
    // Only groups that take a while to write are worth keeping.
    let made = await make(c.cache === false || messages < 1000 ? 'none' : 'use');
    const open = async () => {
      storage = made.storage;
      await setSignaling(storage, sealer, c.signaling as string[]);
      return start(c.offline === true ? offlineNetwork() : online.network);
    };
    repo = await open();
    if (repo.get(made.groupId)?.count() !== messages && !made.generated) {
      // A cached group this core does not open whole: made by other code. Make it again.
      console.error('node-peer: the cached group does not open whole here; making it again');
      await repo.close();
      made = await make('renew');
      repo = await open();
    }
    const count = repo.get(made.groupId)?.count();
    if (count !== messages) throw new Error(`create: the group holds ${count} of ${messages}`);
    return { groupId: made.groupId, count, generated: made.generated };
  },
  async online() {
    if (!repo) throw new Error('online: nothing to open');
    await repo.close();
    repo = await start(online.network);
    return {};
  },
  async invite(c) {
    const invite = await handleOf(c).invite();
    return { code: encodeInvite(invite), link: inviteLink(invite) };
  },
  async room(c) {
    const groupId = str(c, 'groupId');
    const record = (await loadGroupRecords(storage, sealer)).find((r) => r.id === groupId);
    if (!record) throw new Error('room: no such group here');
    const latest = record.epochs.reduce((a, b) => (b.epoch > a.epoch ? b : a));
    return { room: epochKeys(fromHex(groupId), latest.epoch, latest.secret).room };
  },
  async send(c) {
    const handle = handleOf(c);
    const at = monotonicMs();
    const messageId = await handle.send(str(c, 'text'));
    return { messageId, at };
  },
  watch(c) {
    const handle = handleOf(c);
    const groupId = handle.id;
    handle.on('messages', ({ added }) => {
      for (const id of added) {
        const [item] = handle.page({ id }, 0, 0).items;
        if (item) out({ event: 'message', groupId, text: item.text, at: monotonicMs() });
      }
    });
    return Promise.resolve({});
  },
  async join(c) {
    const pending = await (await openRepo()).join(str(c, 'code'));
    return new Promise((resolve, reject) => {
      const seen = (status: ReturnType<typeof pending.status>) => {
        out({ event: 'join', ...status, at: monotonicMs() });
        if (status.state === 'syncing' || status.state === 'admitted')
          resolve({ groupId: status.groupId, at: monotonicMs() });
        if (status.state === 'refused') reject(new Error(`join refused: ${status.message}`));
      };
      pending.on(seen);
      // Ask again now and then, as the app does, in case nobody was listening.
      const retry = setInterval(() => {
        if (pending.status().state === 'waiting') pending.retry();
        else clearInterval(retry);
      }, 3000);
    });
  },
  async waitCount(c) {
    const handle = handleOf(c);
    const count = Number(c.count);
    await once(handle, () => handle.count() >= count);
    return { count: handle.count(), at: monotonicMs() };
  },
  status(c) {
    const handle = handleOf(c);
    return Promise.resolve({
      count: handle.count(),
      peers:
        online.host.status(handle.id, repo?.list().find((g) => g.id === handle.id)?.epoch ?? null)
          ?.peers ?? 0,
    });
  },
  oldest(c) {
    const handle = handleOf(c);
    // Nothing read yet here (a peer never marks read), so the first unread is the first message;
    // a page of every message would cost O(n²) for one's own (each item finds its position).
    const { items, start } = handle.page('first-unread', 0, 0);
    const [first] = items;
    if (!first || start !== 0)
      return Promise.reject(new Error('oldest: no first message, or it was read here'));
    return Promise.resolve({ messageId: first.id, text: first.text });
  },
  async quit() {
    await repo?.close();
    setTimeout(() => process.exit(0), 50);
    return {};
  },
};

createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line.trim() === '') return;
    let command: Command;
    try {
      command = JSON.parse(line) as Command;
    } catch {
      out({ event: 'error', message: `not JSON: ${line.slice(0, 80)}` });
      return;
    }
    const run = commands[command.cmd];
    if (!run) {
      out({ id: command.id, ok: false, error: `unknown command ${command.cmd}` });
      return;
    }
    run(command).then(
      (result) => {
        out({ id: command.id, ok: true, ...result });
      },
      (error: unknown) => {
        out({
          id: command.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
  })
  .on('close', () => {
    void commands.quit?.({ id: 0, cmd: 'quit' });
  });
out({ event: 'ready', seed, name: values.name });
