// The baseline for bench/sync.bench.ts: plain y-webrtc, no Fellows. One Node process in a
// room (no password, no encryption) with a Y.Array; JSON lines like e2e/node-peer/peer.ts:
//   push {text}  → {at}: appends `text`, `at` taken just before the push
//   then a `pushed` event {text, at} for each entry another peer appended, once it is applied
// and a `peers` event {count} whenever the connected peers change.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { monotonicMs, wrtc } from '../e2e/node-peer/env.ts';

const toStderr = (...args: unknown[]) => {
  console.error(...args);
};
Object.assign(console, { log: toStderr, info: toStderr, debug: toStderr });
const { values } = parseArgs({
  options: { room: { type: 'string' }, signaling: { type: 'string' } },
});
const out = (line: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

const doc = new Y.Doc();
const log = doc.getArray<string>('log');
const provider = new WebrtcProvider(values.room ?? '', doc, {
  signaling: [values.signaling ?? ''],
  peerOpts: { wrtc, config: { iceServers: [] } },
});
provider.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => {
  out({ event: 'peers', count: webrtcPeers.length });
});
log.observe((event) => {
  if (event.transaction.local) return;
  for (const item of event.changes.added)
    for (const text of item.content.getContent() as string[])
      out({ event: 'pushed', text, at: monotonicMs() });
});

createInterface({ input: process.stdin })
  .on('line', (line) => {
    const command = JSON.parse(line) as { id: number; cmd: string; text?: string };
    if (command.cmd === 'push') {
      const at = monotonicMs();
      log.push([command.text ?? '']);
      out({ id: command.id, ok: true, at });
    } else {
      out({ id: command.id, ok: false, error: `unknown command ${command.cmd}` });
    }
  })
  .on('close', () => {
    provider.destroy();
    setTimeout(() => process.exit(0), 50);
  });
out({ event: 'ready' });
