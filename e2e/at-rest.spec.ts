import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createGroup, firstPage, launchProfile, messages, onboard, send } from './people.ts';

const NAME = 'Quillon Marchbanks';
const GROUP = 'Orchard ledger 5520';
const TEXTS = [
  'marmalade-4417 is on the second shelf',
  'quince-8830 jelly for Saturday?',
  'Zoë brings the plum-2291 tart 🍑',
];
/** Left unsent in the composer when Fellows closes. */
const DRAFT = 'damson-6154, still thinking';
/**
 * What must not be readable anywhere at rest (DESIGN §7 "nothing readable at rest", §9): the
 * messages, each also by its distinctive token (a partial match still leaks); the group's
 * name, which lives in the sealed blobs like the messages; and a draft (§7: drafts stay in
 * memory or sealed).
 */
const SECRET = [
  ...TEXTS,
  'marmalade-4417',
  'quince-8830',
  'plum-2291',
  GROUP,
  DRAFT,
  'damson-6154',
];
/**
 * The display name is the one thing kept in the clear, by design: the profile record holds
 * it next to the public keys (docs/architecture.md, first run; profile-store.ts). DESIGN
 * promises no more than that, so it may be in the profile database and nowhere else.
 */
const PROFILE_DB = 'fellows-profile';

type Hit = { needle: string; where: string };

/**
 * The needle as bytes: UTF-8 (the same as Latin-1, V8's one-byte strings, for ASCII),
 * UTF-16LE (V8's two-byte strings) and UTF-16BE (how Chromium's IndexedDB codes keys).
 */
function encodings(needle: string): [string, Buffer][] {
  const le = Buffer.from(needle, 'utf16le');
  return [
    ['utf-8', Buffer.from(needle, 'utf8')],
    ['utf-16le', le],
    ['utf-16be', Buffer.from(le).swap16()],
  ];
}

/** Every regular file under `dir`, read raw, searched for every needle in every encoding. */
async function scanFiles(dir: string, needles: string[]): Promise<{ files: number; hits: Hit[] }> {
  const hits: Hit[] = [];
  let files = 0;
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at)) {
      const path = join(at, entry);
      const info = await lstat(path);
      if (info.isDirectory()) await walk(path);
      if (!info.isFile()) continue;
      files += 1;
      const bytes = await readFile(path);
      for (const needle of needles) {
        for (const [encoding, pattern] of encodings(needle)) {
          if (bytes.includes(pattern))
            hits.push({ needle, where: `${relative(dir, path)} (${encoding})` });
        }
      }
    }
  };
  await walk(dir);
  return { files, hits };
}

/**
 * Every record of every IndexedDB database of the app's origin, read back through the API
 * (keys and values; strings, and bytes as UTF-8 and UTF-16), searched for every needle.
 */
function scanIndexedDb(
  page: Page,
  needles: string[],
): Promise<{ counts: Record<string, number>; hits: Hit[] }> {
  return page.evaluate(async (needles) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => {
          resolve(r.result);
        };
        r.onerror = () => {
          reject(r.error ?? new Error('IndexedDB request failed'));
        };
      });
    const utf16 = (text: string, littleEndian: boolean) => {
      const view = new DataView(new ArrayBuffer(text.length * 2));
      for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
      return new Uint8Array(view.buffer);
    };
    const patterns = needles.map((needle) => ({
      needle,
      bytes: [new TextEncoder().encode(needle), utf16(needle, true), utf16(needle, false)],
    }));
    const contains = (haystack: Uint8Array, needle: Uint8Array) => {
      outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
        for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    const hits: { needle: string; where: string }[] = [];
    const counts: Record<string, number> = {};
    const search = async (value: unknown, where: string, seen: Set<unknown>): Promise<void> => {
      if (typeof value === 'string') {
        for (const { needle } of patterns) if (value.includes(needle)) hits.push({ needle, where });
        return;
      }
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      let bytes: Uint8Array | null = null;
      if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
      else if (ArrayBuffer.isView(value))
        bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      else if (value instanceof Blob) bytes = new Uint8Array(await value.arrayBuffer());
      if (bytes) {
        for (const { needle, bytes: forms } of patterns) {
          if (forms.some((form) => contains(bytes, form))) hits.push({ needle, where });
        }
        return;
      }
      const children =
        value instanceof Map
          ? [...value.entries()].flat()
          : value instanceof Set
            ? [...value]
            : Object.values(value);
      for (const child of children) await search(child, where, seen);
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const read = () => db.transaction(store).objectStore(store);
        const keys = await request(read().getAllKeys());
        const values = await request(read().getAll());
        counts[`${name}/${store}`] = values.length;
        const seen = new Set<unknown>();
        for (const [i, key] of keys.entries()) await search(key, `${name}/${store} key ${i}`, seen);
        for (const [i, value] of values.entries())
          await search(value, `${name}/${store} #${i}`, seen);
      }
      db.close();
    }
    return { counts, hits };
  }, needles);
}

test('at rest: no message text is readable in storage, raw on disk or read back', async ({
  baseURL,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'fellows-at-rest-'));
  let context = null as BrowserContext | null;
  try {
    await test.step('a person onboards, creates a group and writes in it', async () => {
      context = await launchProfile(dir, baseURL);
      const page = await firstPage(context);
      await onboard(page, NAME);
      await createGroup(page, GROUP);
      for (const text of TEXTS) await send(page, GROUP, text);
      await page.getByRole('textbox', { name: `Message ${GROUP}` }).fill(DRAFT);
      // Leaving the page makes Chromium take the page's state into its session history
      // now (form fields included, unless they opt out); closing alone does it by timer.
      await page.goto('about:blank');
      await context.close();
      context = null;
    });

    await test.step('the raw files of the browser profile hold none of it', async () => {
      // Weak on its own: LevelDB snappy-compresses table files, so text can hide from a byte
      // scan (while its write-ahead log, written first, is raw). The check through the API
      // below is the strong one; this one catches what the browser keeps outside IndexedDB
      // for the page: it found the draft in the session files and the group name in the
      // form history, until those fields said autocomplete="off".
      const { files, hits } = await scanFiles(dir, [...SECRET, NAME]);
      expect(files).toBeGreaterThan(10);
      expect(hits.filter((hit) => hit.needle !== NAME)).toEqual([]);
      // The scan can see IndexedDB values: it finds the display name, which the profile
      // record keeps in the clear (see NAME above). Without this it could pass vacuously.
      const named = hits.filter((hit) => hit.needle === NAME).map((hit) => hit.where);
      expect(named.some((where) => where.includes('IndexedDB'))).toBe(true);
    });

    await test.step('read back through IndexedDB, no record holds it; the app still shows it', async () => {
      context = await launchProfile(dir, baseURL);
      const page = await firstPage(context);
      await page.goto('/');
      await page.getByRole('complementary', { name: 'Groups' }).getByText(GROUP).click();
      for (const text of TEXTS) await expect(messages(page).getByText(text)).toBeVisible();
      // Every record of every database, decoded by the browser itself: nothing hides from
      // this as it can in compressed files, so this is the check that proves "sealed".
      const { counts, hits } = await scanIndexedDb(page, [...SECRET, NAME]);
      // The messages are really stored (and the app just opened them): as blobs, sealed.
      expect(counts['fellows-data/blobs']).toBeGreaterThanOrEqual(TEXTS.length);
      expect(hits.filter((hit) => hit.needle !== NAME)).toEqual([]);
      const named = hits.filter((hit) => hit.needle === NAME);
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((hit) => !hit.where.startsWith(`${PROFILE_DB}/`))).toEqual([]);
    });
  } finally {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
  }
});
