// The baselines for bench/sync.bench.ts: plain y-webrtc, no Fellows. One Node process in a
// room (no password) with a Y.Array; JSON lines like e2e/node-peer/peer.ts:
//   push {text}  → {at}: appends `text`, `at` taken just before the push
//   then a `pushed` event {text, at} for each entry another peer appended, once it is applied
// and a `peers` event {count} whenever the connected peers change.
//
// With --crypto, each entry is what the least a signed, encrypted message costs: the text
// sealed with secretbox and signed with Ed25519 (WebCrypto, as Fellows does), its SHA-256
// taken; a receiver verifies the signature and opens the box before it counts as pushed. No
// chains, no validation, no storage: the floor under any design that signs each message.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import nacl from 'tweetnacl';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { monotonicMs, wrtc } from '../e2e/node-peer/env.ts';
import { concatBytes, fromUtf8, utf8 } from '../shared/crypto/bytes.ts';
import { SIGNATURE_BYTES } from '../shared/crypto/ed25519.ts';
import { hash } from '../shared/crypto/hash.ts';
import { testEd } from '../shared/testing/people.ts';

const toStderr = (...args: unknown[]) => {
  console.error(...args);
};
Object.assign(console, { log: toStderr, info: toStderr, debug: toStderr });
const { values } = parseArgs({
  options: {
    room: { type: 'string' },
    signaling: { type: 'string' },
    crypto: { type: 'boolean', default: false },
  },
});
const out = (line: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

// Every process derives the same keys: this is a measurement, not a secret.
const contentKey = new Uint8Array(32).fill(7);
const signer = await testEd.signerFromSeed(new Uint8Array(32).fill(9));
const NONCE_BYTES = 24;

async function seal(text: string): Promise<Uint8Array> {
  const nonce = nacl.randomBytes(NONCE_BYTES);
  const body = concatBytes(nonce, nacl.secretbox(utf8(text), nonce, contentKey));
  const sealed = concatBytes(body, await signer.sign(body));
  hash(sealed);
  return sealed;
}

async function open(sealed: Uint8Array): Promise<string | null> {
  const body = sealed.subarray(0, sealed.length - SIGNATURE_BYTES);
  const signature = sealed.subarray(sealed.length - SIGNATURE_BYTES);
  hash(sealed);
  if (!(await testEd.verify(signer.publicKey, body, signature))) return null;
  const opened = nacl.secretbox.open(
    body.subarray(NONCE_BYTES),
    body.subarray(0, NONCE_BYTES),
    contentKey,
  );
  return opened ? fromUtf8(opened) : null;
}

const doc = new Y.Doc();
const log = doc.getArray<string | Uint8Array>('log');
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
    for (const entry of item.content.getContent() as (string | Uint8Array)[]) {
      if (typeof entry === 'string') out({ event: 'pushed', text: entry, at: monotonicMs() });
      else
        void open(entry).then((text) => {
          if (text !== null) out({ event: 'pushed', text, at: monotonicMs() });
        });
    }
});

createInterface({ input: process.stdin })
  .on('line', (line) => {
    const command = JSON.parse(line) as { id: number; cmd: string; text?: string };
    if (command.cmd === 'push') {
      const at = monotonicMs();
      const text = command.text ?? '';
      if (values.crypto)
        void seal(text).then((sealed) => {
          log.push([sealed]);
          out({ id: command.id, ok: true, at });
        });
      else {
        log.push([text]);
        out({ id: command.id, ok: true, at });
      }
    } else {
      out({ id: command.id, ok: false, error: `unknown command ${command.cmd}` });
    }
  })
  .on('close', () => {
    provider.destroy();
    setTimeout(() => process.exit(0), 50);
  });
out({ event: 'ready' });
