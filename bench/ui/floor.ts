// The floor under first paint: the least any page could do before it shows Bo's group, timed
// on the same machine, server, browser launch and profile as the app, in the same run. A
// module script opens the three databases the app's first screen reads (profile, vault, data),
// reads the same records (the profile, the vault's secrets, the group's sealed recent window
// and the group list), paints one line of text and marks the frame that shows it. No
// unsealing, no rendering framework, no app code: what is left of first paint above this floor
// is what the app itself costs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './person.ts';
import { ROOT } from './servers.ts';

/** Where the floor page is written: beside the bench's own build, never the app's. */
const PAGE = 'bench-floor.html';
const SCRIPT = 'bench-floor.js';

declare global {
  // Declaration merging onto the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __fellowsFloor?: FloorMarks;
  }
}

/** Milliseconds from navigation start. */
export type FloorMarks = { script: number; opened: number; read: number; painted: number };

/** The floor page's script; it never creates a database (an upgrade is aborted). */
function floorScript(groupId: string): string {
  const keys = [`g:${groupId}:recent`, 'groups-window'];
  return `const marks = { script: performance.now() };
const open = (name) => new Promise((resolve, reject) => {
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => request.transaction.abort();
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const read = (db, store, query, all) => new Promise((resolve, reject) => {
  const objects = db.transaction(store).objectStore(store);
  const request = all ? objects.getAll() : objects.get(query);
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const [profile, vault, data] = await Promise.all(
  ['fellows-profile', 'fellows-vault', 'fellows-data'].map(open),
);
marks.opened = performance.now();
const [self, secrets, ...records] = await Promise.all([
  read(profile, 'profile', 'self'),
  read(vault, 'secrets', null, true),
  ...${JSON.stringify(keys)}.map((key) => read(data, 'records', key)),
]);
marks.read = performance.now();
const bytes = records.reduce((sum, r) => sum + (r ? r.byteLength : 0), 0);
document.body.textContent =
  (self ? 'a profile' : 'no profile') + ', ' + secrets.length + ' secrets, ' + bytes + ' bytes';
requestAnimationFrame(() => {
  marks.painted = performance.now();
  window.__fellowsFloor = marks;
});
`;
}

/** Writes the floor page into the bench's build (`outDir`, relative to the repo). */
export function writeFloorPage(outDir: string, groupId: string): void {
  const dir = join(ROOT, outDir);
  writeFileSync(
    join(dir, PAGE),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>` +
      `<link rel="icon" href="./favicon.svg"><script type="module" src="./${SCRIPT}"></script>` +
      `</head><body></body></html>`,
  );
  writeFileSync(join(dir, SCRIPT), floorScript(groupId));
}

/** Launches Bo's profile on the floor page: its marks, or null if it never painted. */
export async function measureFloor(profile: string, baseURL: string): Promise<FloorMarks | null> {
  const { context, page } = await launch(profile, baseURL, '');
  try {
    await page.goto(`/${PAGE}`);
    return await page
      .waitForFunction(() => window.__fellowsFloor, undefined, { polling: 100, timeout: 30_000 })
      .then((handle) => handle.jsonValue() as Promise<FloorMarks>)
      .catch(() => null);
  } finally {
    await context.close();
  }
}
