// An outsider for the e2e tests: someone who knows a group's y-webrtc room name (not its
// password, not its keys) and tries to get in or to disturb it. It speaks JSON lines like
// peer.ts (commands on stdin, answers and events on stdout, logs on stderr).
//
//   npx tsx e2e/node-peer/outsider.ts --mode provider --room fellows-… --signaling ws://127.0.0.1:4444
//     a stock y-webrtc WebrtcProvider (wrtc, ws) in the room, without the password; it writes
//     into its Y.Doc (the heads map the app uses, and an array) and sets awareness.
//     `report` → what it got: peer connections, what its doc and awareness hold from others,
//     and the signaling frames it received on the room's topic (sealed or plaintext).
//   npx tsx e2e/node-peer/outsider.ts --mode raw --room … --signaling …
//     a raw WebSocket client subscribed to the room's topic. `publish {kinds}` sends hostile
//     frames there: `garbage` (not base64), `noise` (random bytes), `forged` (y-webrtc's
//     AES-GCM envelope with a key it made up), `plaintext` (an unencrypted announce and offer),
//     `odd` (data of other types) and `replay` (the honest frames it has seen, sent again).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { wrtc } from './env.ts';

const toStderr = (...args: unknown[]) => {
  console.error(...args);
};
Object.assign(console, { log: toStderr, info: toStderr, debug: toStderr });

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'provider' },
    room: { type: 'string' },
    signaling: { type: 'string' },
  },
});
const room = values.room ?? '';
const signaling = values.signaling ?? '';
if (!room || !signaling) throw new Error('outsider: --room and --signaling are required');

function out(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
process.on('uncaughtException', (error) => {
  out({ event: 'uncaught', message: String(error) });
});
process.on('unhandledRejection', (error) => {
  out({ event: 'uncaught', message: String(error) });
});

type Frame = { type?: unknown; topic?: unknown; data?: unknown };
const MARKERS = ['announce', 'signal', 'sdp', 'candidate', 'offer', 'answer'];

/** What one frame on the room's topic reveals: a sealed envelope, or readable plaintext. */
function classify(data: unknown): 'sealed' | 'plaintext' | 'other' {
  if (typeof data !== 'string')
    return typeof data === 'object' && data !== null ? 'plaintext' : 'other';
  const bytes = Buffer.from(data, 'base64');
  const text = bytes.toString('latin1');
  if (MARKERS.some((m) => text.includes(m))) return 'plaintext';
  // y-webrtc's encrypted envelope: varString 'AES-GCM', then the IV and the ciphertext.
  return bytes[0] === 7 && text.slice(1, 8) === 'AES-GCM' ? 'sealed' : 'other';
}

const commands: Record<string, (c: Record<string, unknown>) => Record<string, unknown>> = {};

if (values.mode === 'provider') {
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(room, doc, {
    signaling: [signaling],
    peerOpts: { wrtc, config: { iceServers: [] } },
  });
  type Internals = {
    room: { peerId: string; webrtcConns: Map<string, { connected: boolean }> } | null;
    signalingConns: {
      connected: boolean;
      on(event: 'message' | 'connect', listener: (message: Frame) => void): void;
    }[];
  };
  const internals = provider as unknown as Internals;
  const frames: Frame[] = [];
  for (const conn of internals.signalingConns) {
    conn.on('message', (message) => {
      if (message.type === 'publish' && message.topic === room) frames.push(message);
    });
    conn.on('connect', () => {
      out({ event: 'ready' });
    });
  }
  let everConnected = 0;
  provider.on('peers', ({ added }: { added: string[] }) => {
    everConnected += added.length;
  });
  commands.write = () => {
    // What an honest peer would read if it synced this doc: forged heads, and chatter.
    doc.getMap('heads').set('forged-device', new Uint8Array(64).fill(7));
    doc.getArray('messages').push(['hello from outside']);
    provider.awareness.setLocalStateField('p', Buffer.from('forged presence').toString('base64'));
    provider.awareness.setLocalStateField('user', { name: 'Mallory' });
    return {};
  };
  commands.report = () => {
    const own = internals.room?.peerId;
    const count = { sealed: 0, plaintext: 0, other: 0, own: 0 };
    for (const frame of frames) {
      const data = frame.data;
      if (typeof data === 'object' && data !== null && (data as { from?: unknown }).from === own)
        count.own += 1;
      else count[classify(data)] += 1;
    }
    const heads = doc.getMap('heads');
    const conns = [...(internals.room?.webrtcConns.values() ?? [])];
    return {
      frames: count,
      peersEverAdded: everConnected,
      webrtcConns: conns.length,
      connected: conns.filter((c) => c.connected).length,
      // Anything in the doc it did not write itself, and anyone else in its awareness.
      foreignHeads: [...heads.keys()].filter((k) => k !== 'forged-device').length,
      docTypes: [...doc.share.keys()].filter((k) => !['heads', 'messages'].includes(k)),
      messages: doc.getArray('messages').length,
      awarenessOthers: [...provider.awareness.getStates().keys()].filter(
        (id) => id !== provider.awareness.clientID,
      ).length,
      signalingConnected: internals.signalingConns.every((c) => c.connected),
    };
  };
  commands.quit = () => {
    provider.destroy();
    setTimeout(() => process.exit(0), 50);
    return {};
  };
} else {
  const ws = new WebSocket(signaling);
  const seen: string[] = [];
  ws.on('open', () => {
    ws.send(JSON.stringify({ type: 'subscribe', topics: [room] }));
    out({ event: 'ready' });
  });
  ws.on('message', (raw: Buffer) => {
    try {
      const frame = JSON.parse(raw.toString()) as Frame;
      if (frame.type === 'publish' && frame.topic === room && typeof frame.data === 'string')
        seen.push(frame.data);
    } catch {
      // not ours to understand
    }
  });
  const random = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n)));
  const envelope = () => {
    const iv = random(12);
    const cipher = random(120);
    return Buffer.concat([
      Buffer.from([7]),
      Buffer.from('AES-GCM'),
      Buffer.from([12]),
      iv,
      Buffer.from([cipher.length]),
      cipher,
    ]).toString('base64');
  };
  const payloads: Record<string, () => unknown[]> = {
    garbage: () => ['%%% not base64 at all %%%', '\u0000\uffff', ''],
    noise: () => [random(1).toString('base64'), random(200).toString('base64')],
    forged: () => [envelope(), envelope()],
    plaintext: () => [
      { type: 'announce', from: 'mallory' },
      {
        type: 'signal',
        from: 'mallory',
        to: 'anyone',
        token: 1,
        signal: { type: 'offer', sdp: 'v=0' },
      },
    ],
    odd: () => [12345, null, [], { nested: { deep: true } }, true],
    replay: () => [...seen],
  };
  commands.publish = (c) => {
    const kinds = (c.kinds as string[] | undefined) ?? Object.keys(payloads);
    let sent = 0;
    let strings = 0;
    for (const kind of kinds) {
      for (const data of payloads[kind]?.() ?? []) {
        ws.send(JSON.stringify({ type: 'publish', topic: room, data }));
        sent += 1;
        if (typeof data === 'string') strings += 1;
      }
    }
    // `strings` of them come back to it too (the server relays to the sender as well).
    return { sent, strings, seen: seen.length };
  };
  commands.report = () => ({ seen: seen.length, open: ws.readyState === WebSocket.OPEN });
  commands.quit = () => {
    ws.close();
    setTimeout(() => process.exit(0), 50);
    return {};
  };
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line.trim() === '') return;
    const command = JSON.parse(line) as Record<string, unknown> & { id: number; cmd: string };
    const run = commands[command.cmd];
    try {
      if (!run) throw new Error(`unknown command ${command.cmd}`);
      out({ id: command.id, ok: true, ...run(command) });
    } catch (error) {
      out({ id: command.id, ok: false, error: String(error) });
    }
  })
  .on('close', () => {
    commands.quit?.({});
  });
