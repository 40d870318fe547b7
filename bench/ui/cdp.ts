// The JS heap of the app's page and of its sync worker, read over the Chrome DevTools
// Protocol. Playwright's CDP sessions only open on pages, and a dedicated worker is reached
// only through its page (auto-attach), with commands sent on the worker's own session id,
// which Playwright's CDPSession cannot do. So Chromium is launched with
// --remote-debugging-port=0 as well, and this talks to it directly over a WebSocket (ws):
// attach to the page (flat sessions), auto-attach its workers, then per target
// HeapProfiler.collectGarbage and Runtime.getHeapUsage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
};

/** The flag that makes Chromium write its port to <profile>/DevToolsActivePort. */
export const DEBUGGING_PORT_FLAG = '--remote-debugging-port=0';

type Connection = {
  send: (
    method: string,
    params?: Record<string, unknown>,
    sessionId?: string,
  ) => Promise<Record<string, unknown>>;
  events: Message[];
  close: () => void;
};

async function connect(profileDir: string): Promise<Connection> {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
  if (!port || !path) throw new Error('Chromium wrote no DevToolsActivePort');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      resolve();
    });
    socket.once('error', reject);
  });
  const pending = new Map<number, { resolve: (r: Message) => void }>();
  const events: Message[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as Message;
    if (message.id === undefined) {
      events.push(message);
      return;
    }
    pending.get(message.id)?.resolve(message);
    pending.delete(message.id);
  });
  let next = 0;
  return {
    async send(method, params = {}, sessionId) {
      const id = ++next;
      const answer = await new Promise<Message>((resolve) => {
        pending.set(id, { resolve });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
      if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
      return answer.result ?? {};
    },
    events,
    close: () => {
      socket.close();
    },
  };
}

export type HeapUsage = {
  type: string;
  url: string;
  /** V8's used JS heap. */
  usedBytes: number;
  /** Array buffers and external strings held outside the JS heap. */
  backingBytes: number;
  /** Blink's own (Oilpan) heap: DOM nodes and such; reported apart. */
  embedderBytes: number;
};

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Attaches to the page whose URL starts with `origin` (flat sessions) and to each of its
 * workers (auto-attach): their session ids, the page's first.
 */
async function attachPage(cdp: Connection, origin: string) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const page = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(origin));
  if (!page) throw new Error(`no page at ${origin}`);
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: page.targetId,
    flatten: true,
  })) as { sessionId: string };
  await cdp.send(
    'Target.setAutoAttach',
    { autoAttach: true, waitForDebuggerOnStart: false, flatten: true },
    sessionId,
  );
  const targets: { sessionId: string; type: string; url: string }[] = [
    { sessionId, type: page.type, url: page.url },
  ];
  // The page's running workers are announced right after auto-attach is set.
  for (let waited = 0; waited < 2000; waited += 50) {
    if (cdp.events.some((e) => e.method === 'Target.attachedToTarget')) break;
    await pause(50);
  }
  await pause(100);
  for (const event of cdp.events) {
    if (event.method !== 'Target.attachedToTarget' || event.sessionId !== sessionId) continue;
    const attached = event.params as {
      sessionId: string;
      targetInfo: { type: string; url: string };
    };
    targets.push({
      sessionId: attached.sessionId,
      type: attached.targetInfo.type,
      url: attached.targetInfo.url,
    });
  }
  return { sessionId, targets };
}

/**
 * The heap of the page whose URL starts with `origin` and of each of its workers; with `gc`,
 * after a full garbage collection in each (what stays is what the app holds on to).
 */
export async function heapUsage(
  profileDir: string,
  origin: string,
  gc: boolean,
): Promise<HeapUsage[]> {
  const cdp = await connect(profileDir);
  try {
    const { sessionId, targets } = await attachPage(cdp, origin);
    const usage: HeapUsage[] = [];
    for (const target of targets) {
      // Twice: objects with finalizers or weak references need a second pass.
      if (gc) {
        await cdp.send('HeapProfiler.collectGarbage', {}, target.sessionId);
        await cdp.send('HeapProfiler.collectGarbage', {}, target.sessionId);
      }
      const heap = (await cdp.send('Runtime.getHeapUsage', {}, target.sessionId)) as {
        usedSize: number;
        embedderHeapUsedSize?: number;
        backingStorageSize?: number;
      };
      usage.push({
        type: target.type,
        url: target.url,
        usedBytes: heap.usedSize,
        backingBytes: heap.backingStorageSize ?? 0,
        embedderBytes: heap.embedderHeapUsedSize ?? 0,
      });
    }
    await cdp.send('Target.detachFromTarget', { sessionId });
    return usage;
  } finally {
    cdp.close();
  }
}

/** CPU profiles of the page whose URL starts with `origin` and of each of its workers. */
export async function cpuProfiles(
  profileDir: string,
  origin: string,
  ms: number,
): Promise<{ type: string; url: string; profile: unknown }[]> {
  const cdp = await connect(profileDir);
  try {
    const { sessionId, targets } = await attachPage(cdp, origin);
    for (const target of targets) {
      await cdp.send('Profiler.enable', {}, target.sessionId);
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 }, target.sessionId);
      await cdp.send('Profiler.start', {}, target.sessionId);
    }
    await pause(ms);
    const out = [];
    for (const target of targets) {
      const { profile } = await cdp.send('Profiler.stop', {}, target.sessionId);
      out.push({ type: target.type, url: target.url, profile });
    }
    await cdp.send('Target.detachFromTarget', { sessionId });
    return out;
  } finally {
    cdp.close();
  }
}
