// What the UI bench installs in the page before the app's own scripts run (an init script):
// it records, on the page's clock (performance.now(), 0 = navigation start), when the app
// reaches each step of opening, and counts long tasks. Everything is observed from inside the
// page (a MutationObserver, a PerformanceObserver, the sync worker's own messages), so no
// polling from Playwright stretches the figures.
//
// `installProbe` runs in the page: it may use nothing from its module (Playwright sends its
// source text), and every helper is declared inside it.

export type ProbeConfig = {
  /** The message list (whose rows the fast scroll counts). */
  listSelector: string;
  /**
   * Where the newest message must show: the conversation's pane, which holds the list and, while
   * the list places itself, the peek drawn over it (renderer/src/conversation/list-parts.tsx).
   */
  paneSelector: string;
  /** The newest message's text, exactly. */
  newestText: string;
  /** The sidebar, and the group's name there. */
  sidebarSelector: string;
  groupName: string;
  /** The sync worker's name (`new Worker(…, { name })` in renderer/src/sync/client.ts). */
  workerName: string;
  /** What must be found for the group to count as fully open; null: not measured. */
  fullOpen: {
    groupId: string;
    oldestId: string;
    oldestText: string;
    /** A word only the oldest message has. */
    query: string;
    timeoutMs: number;
  } | null;
};

export type ProbeMarks = {
  /** The app's JS ran (DOMContentLoaded waits for module scripts). */
  domContentLoaded?: number;
  /** The sidebar is there: the session is open and the main screen rendered. */
  sidebarShown?: number;
  workerCreated?: number;
  /** The app's `start` call answered: the engine is open. */
  workerReady?: number;
  groupsAnswered?: number;
  firstPageAnswered?: number;
  groupListed?: number;
  listShown?: number;
  newestInDom?: number;
  /** The frame that paints the newest message (requestAnimationFrame after it showed). */
  firstPaint?: number;
  fullOpen?: number;
  /** How `fullOpen` was decided: the search found the oldest message, or only a page did. */
  fullOpenMode?: 'search' | 'page';
  fullOpenError?: string;
};

export type LongTask = { start: number; duration: number };

/** What the page exposes to the bench as `window.__fellowsBench`. */
export type ProbeState = {
  marks: ProbeMarks;
  longTasks: LongTask[];
  /** Calls the sync worker's API (Comlink's wire format), as the app does. */
  call: (method: string, args: unknown[]) => Promise<unknown>;
  /** The numbers N of the `message N` texts on screen in the list now. */
  numbersOnScreen: () => number[];
  /** Starts asking for the oldest message now (it starts by itself once the newest shows). */
  startFullOpen: () => void;
};

export function installProbe(config: ProbeConfig): void {
  const marks: ProbeMarks = {};
  const longTasks: LongTask[] = [];
  const now = () => performance.now();
  let worker: Worker | null = null;
  const pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const appCalls = new Map<string, string>();
  const WATCHED = ['start', 'groups', 'page'];
  let next = 0;

  const call = (method: string, args: unknown[]): Promise<unknown> => {
    const target = worker;
    if (!target) return Promise.reject(new Error('the sync worker has not started'));
    const id = `fellows-bench-${++next}`;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({
        id,
        type: 'APPLY',
        path: [method],
        argumentList: args.map((value) => ({ type: 'RAW', value })),
      });
    });
  };

  const onWorkerMessage = (event: MessageEvent) => {
    const data = event.data as {
      id?: string;
      type?: string;
      value?: { isError?: boolean; value?: { message?: string } };
    } | null;
    if (!data || typeof data.id !== 'string') return;
    const method = appCalls.get(data.id);
    if (method !== undefined) {
      appCalls.delete(data.id);
      if (method === 'start') marks.workerReady ??= now();
      if (method === 'groups') marks.groupsAnswered ??= now();
      if (method === 'page') marks.firstPageAnswered ??= now();
    }
    const mine = pending.get(data.id);
    if (!mine) return;
    pending.delete(data.id);
    if (data.type === 'HANDLER') mine.reject(new Error(data.value?.value?.message ?? 'failed'));
    else mine.resolve(data.value);
  };

  // The app's worker, kept as it is made: its calls are watched, and ours go to it.
  const NativeWorker = window.Worker;
  window.Worker = new Proxy(NativeWorker, {
    construct(target, args: [string | URL, WorkerOptions?]) {
      const made = new target(...args);
      if (args[1]?.name === config.workerName) {
        worker = made;
        marks.workerCreated = now();
        const post = made.postMessage.bind(made) as (message: unknown, transfer?: unknown) => void;
        made.postMessage = ((message: unknown, transfer?: unknown) => {
          const m = message as { id?: unknown; type?: unknown; path?: unknown } | null;
          if (m && typeof m.id === 'string' && m.type === 'APPLY' && Array.isArray(m.path)) {
            const method: unknown = m.path[0];
            if (typeof method === 'string' && WATCHED.includes(method)) appCalls.set(m.id, method);
          }
          post(message, transfer);
        }) as Worker['postMessage'];
        made.addEventListener('message', onWorkerMessage);
      }
      return made;
    },
  });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  /** Whether `element` can be seen: inside the window and every clipping box around it. */
  const onScreen = (element: Element) => {
    let { top, bottom, left, right } = element.getBoundingClientRect();
    if (bottom - top <= 0 || right - left <= 0) return false;
    top = Math.max(top, 0);
    left = Math.max(left, 0);
    bottom = Math.min(bottom, window.innerHeight);
    right = Math.min(right, window.innerWidth);
    for (let box = element.parentElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = box.getBoundingClientRect();
      top = Math.max(top, clip.top);
      left = Math.max(left, clip.left);
      bottom = Math.min(bottom, clip.bottom);
      right = Math.min(right, clip.right);
    }
    return bottom > top && right > left;
  };

  /** The copies of the newest message's text in the pane (the list's, and its peek's). */
  const newestTexts = (pane: Element) => {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    const elements: Element[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.textContent?.trim() === config.newestText && node.parentElement)
        elements.push(node.parentElement);
    return elements;
  };

  // Whether the newest message is in view is asked in a frame callback, never in the task
  // that changed the page: there, reading its box and the styles around it would lay the page
  // out an extra time (measured: 46–61 ms of forced layout inside the opening's longest task,
  // blamed on the probe's own code in a CPU profile). At the start of a frame the layout it
  // needs is the one the frame does anyway, and the frame that finds it in view paints it.
  let frameAsked = false;
  const inView = () => {
    frameAsked = false;
    if (marks.firstPaint !== undefined) return;
    const pane = document.querySelector(config.paneSelector);
    const copies = pane ? newestTexts(pane) : [];
    // Hidden (a list still placing itself) or out of view: another copy may be in view.
    if (copies.some(onScreen)) {
      marks.firstPaint = now();
      look();
    } else if (copies.length > 0) askFrame();
  };
  const askFrame = () => {
    if (frameAsked) return;
    frameAsked = true;
    requestAnimationFrame(inView);
  };

  const look = () => {
    if (marks.groupListed === undefined) {
      const sidebar = document.querySelector(config.sidebarSelector);
      if (sidebar) marks.sidebarShown ??= now();
      if (sidebar?.textContent.includes(config.groupName)) marks.groupListed = now();
    }
    if (marks.firstPaint !== undefined && marks.groupListed !== undefined) observer.disconnect();
    if (marks.firstPaint !== undefined || frameAsked) return;
    if (document.querySelector(config.listSelector)) marks.listShown ??= now();
    // The pane, not the list: before the list has placed itself, its peek is what is on screen.
    const pane = document.querySelector(config.paneSelector);
    if (!pane || newestTexts(pane).length === 0) return;
    if (marks.newestInDom === undefined) {
      marks.newestInDom = now();
      // The app has its first page by now: the probe's own calls cannot delay it.
      startFullOpen();
    }
    askFrame();
  };
  const observer = new MutationObserver(look);
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });
  document.addEventListener('scroll', look, { capture: true, passive: true });
  document.addEventListener('DOMContentLoaded', () => {
    marks.domContentLoaded = now();
  });

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, ms);
    });

  // Once the newest message is in the page (so its calls never delay the app's first page):
  // ask the worker until the oldest message is found, by a search if the worker has one,
  // else by a page anchored at it.
  let fullOpenStarted = false;
  const fullOpen = async () => {
    const want = config.fullOpen;
    if (!want || fullOpenStarted) return;
    fullOpenStarted = true;
    const deadline = now() + want.timeoutMs;
    let mode: 'search' | 'page' = 'search';
    while (now() < deadline) {
      try {
        if (mode === 'search') {
          const found = await call('search', [want.query, { groupId: want.groupId }]);
          if (JSON.stringify(found).includes(want.oldestId)) break;
        } else {
          const page = (await call('page', [want.groupId, { id: want.oldestId }, 0, 0])) as {
            items?: { id: string; text: string }[];
          };
          if (page.items?.[0]?.text === want.oldestText) break;
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // No `search` in this worker yet (Comlink could not call it): fall back to a page.
        if (mode === 'search' && /reading 'apply'|not a function/.test(message)) {
          mode = 'page';
          continue;
        }
        marks.fullOpenError = message;
      }
      await pause(10);
    }
    if (now() < deadline) {
      marks.fullOpen = now();
      marks.fullOpenMode = mode;
    }
  };

  const startFullOpen = () => {
    void fullOpen();
  };

  const numbersOnScreen = () => {
    const list = document.querySelector(config.listSelector);
    const numbers: number[] = [];
    if (!list) return numbers;
    const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = /^message (\d+)$/.exec(node.textContent?.trim() ?? '');
      if (match && node.parentElement && onScreen(node.parentElement))
        numbers.push(Number(match[1]));
    }
    return numbers;
  };

  const state: ProbeState = { marks, longTasks, call, numbersOnScreen, startFullOpen };
  Object.assign(window, { __fellowsBench: state });
}

/** The init script's text: the probe and its settings, run at once in the page. */
export function probeScript(config: ProbeConfig): string {
  // tsx names functions through an `__name` helper that the page does not have.
  return `(() => { const __name = (f) => f; (${installProbe.toString()})(${JSON.stringify(config)}); })();`;
}
