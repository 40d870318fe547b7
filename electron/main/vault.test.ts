import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { VaultCorruptError, VaultFullError, VaultUnavailableError } from './errors.ts';
import {
  createVault,
  MAX_VAULT_ENTRIES,
  type SafeStorageLike,
  type VaultOptions,
} from './vault.ts';
import { describeBackend } from './vault-status.ts';

const MAGIC = Buffer.from('sealed:');

/**
 * A safeStorage that really transforms its input (XOR with a key, behind a marker), so a
 * test can check that no plaintext reaches the file, and that decryption fails on bytes
 * it did not seal.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  const state = { available: options.available ?? true, shouldReEncrypt: false, key: 0x5a };
  const safeStorage: SafeStorageLike = {
    isAsyncEncryptionAvailable: () => Promise.resolve(state.available),
    encryptStringAsync: (plain) => {
      const bytes = Buffer.from(plain, 'utf8').map((b) => b ^ state.key);
      return Promise.resolve(Buffer.concat([MAGIC, Buffer.from([state.key]), bytes]));
    },
    decryptStringAsync: (sealed) => {
      if (!sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
        return Promise.reject(new Error('Error while decrypting the ciphertext provided'));
      }
      const key = sealed[MAGIC.length]!;
      const plain = Buffer.from(sealed.subarray(MAGIC.length + 1).map((b) => b ^ key));
      return Promise.resolve({
        result: plain.toString('utf8'),
        shouldReEncrypt: state.shouldReEncrypt,
      });
    },
    getSelectedStorageBackend: () =>
      (options.backend ?? 'gnome_libsecret') as ReturnType<
        SafeStorageLike['getSelectedStorageBackend']
      >,
  };
  return { safeStorage, state };
}

let dir: string;
let filePath: string;
let warn: MockInstance<typeof console.warn>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fellows-vault-'));
  filePath = join(dir, 'vault.json');
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

function vault(options: Partial<VaultOptions> = {}) {
  const { safeStorage, state } = fakeSafeStorage();
  return {
    vault: createVault({ safeStorage, filePath, platform: 'linux', ...options }),
    state,
  };
}

const secret = new Uint8Array(Buffer.from('correct horse battery staple'));

describe('vault', () => {
  it('returns null for a name it does not hold, with or without a file', async () => {
    const { vault: v } = vault();
    expect(await v.get('device-key')).toBeNull();
    await v.set('other', new Uint8Array([1]));
    expect(await v.get('device-key')).toBeNull();
    expect(await v.get('constructor')).toBeNull();
  });

  it('gives back exactly the bytes it was given, across instances', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    await vault().vault.set('device-key', bytes);
    const again = await vault().vault.get('device-key');
    expect(again).toBeInstanceOf(Uint8Array);
    expect(again).toEqual(bytes);
  });

  it('writes only ciphertext, in a versioned JSON file readable by its owner alone', async () => {
    await vault().vault.set('device-key', secret);
    const text = await readFile(filePath, 'utf8');
    const file = JSON.parse(text) as { version: number; entries: Record<string, string> };
    expect(file.version).toBe(1);
    expect(Object.keys(file.entries)).toEqual(['device-key']);
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    expect(Buffer.from(file.entries['device-key']!, 'base64').includes(Buffer.from(secret))).toBe(
      false,
    );
    if (process.platform !== 'win32') expect((await stat(filePath)).mode & 0o777).toBe(0o600);
  });

  it('replaces and deletes values', async () => {
    const { vault: v } = vault();
    await v.set('a', new Uint8Array([1]));
    await v.set('b', new Uint8Array([2]));
    await v.set('a', new Uint8Array([3]));
    expect(await v.get('a')).toEqual(new Uint8Array([3]));
    await v.delete('a');
    await v.delete('never-set');
    expect(await v.get('a')).toBeNull();
    expect(await v.get('b')).toEqual(new Uint8Array([2]));
  });

  it('keeps every change when writes overlap', async () => {
    const { vault: v } = vault();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => v.set(`key-${i}`, new Uint8Array([i + 1]))),
    );
    for (let i = 0; i < 20; i++) expect(await v.get(`key-${i}`)).toEqual(new Uint8Array([i + 1]));
  });

  it('leaves no temporary files behind, even when the rename fails', async () => {
    const { vault: v } = vault();
    await v.set('a', new Uint8Array([1]));
    await v.set('b', new Uint8Array([2]));
    expect(await readdir(dir)).toEqual(['vault.json']);

    const failing = vault({
      fs: { ...nodeFs, rename: () => Promise.reject(new Error('disk full')) },
    }).vault;
    await expect(failing.set('c', new Uint8Array([3]))).rejects.toThrow('disk full');
    expect(await readdir(dir)).toEqual(['vault.json']);
    expect(await v.get('c')).toBeNull();
    expect(await v.get('a')).toEqual(new Uint8Array([1]));
  });

  it(`holds at most ${MAX_VAULT_ENTRIES} entries, but still replaces existing ones`, async () => {
    const { vault: v } = vault();
    for (let i = 0; i < MAX_VAULT_ENTRIES; i++) await v.set(`key-${i}`, new Uint8Array([1]));
    await expect(v.set('one-too-many', new Uint8Array([1]))).rejects.toBeInstanceOf(VaultFullError);
    await v.set('key-0', new Uint8Array([2]));
    expect(await v.get('key-0')).toEqual(new Uint8Array([2]));
  });

  it('re-seals a value when the keyring asks for it', async () => {
    const { vault: v, state } = vault();
    await v.set('device-key', secret);
    const before = await readFile(filePath, 'utf8');
    state.key = 0x33;
    state.shouldReEncrypt = true;
    expect(await v.get('device-key')).toEqual(secret);
    const after = await readFile(filePath, 'utf8');
    expect(after).not.toBe(before);
    state.shouldReEncrypt = false;
    expect(await v.get('device-key')).toEqual(secret);
  });
});

describe('vault without encryption', () => {
  it('refuses to write, and writes nothing at all', async () => {
    const { safeStorage } = fakeSafeStorage({ available: false });
    const v = createVault({ safeStorage, filePath, platform: 'linux' });
    await expect(v.set('device-key', secret)).rejects.toBeInstanceOf(VaultUnavailableError);
    expect(await readdir(dir)).toEqual([]);
    expect((await v.status()).available).toBe(false);
  });
});

describe('a damaged vault file', () => {
  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', '{"version":2,"entries":{}}'],
    ['no entries', '{"version":1}'],
    ['a non-base64 entry', '{"version":1,"entries":{"a":"not base64!"}}'],
    ['an invalid name', '{"version":1,"entries":{"../x":"AAAA"}}'],
    ['a number', '42'],
  ])('is reported as corrupt on read when it is %s', async (_what, content) => {
    await writeFile(filePath, content);
    const error: unknown = await vault()
      .vault.get('a')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultCorruptError);
    expect((error as VaultCorruptError).reason).toBe('malformed');
    expect((error as VaultCorruptError).message).toMatch(/damaged/);
  });

  it('is set aside, not overwritten, by the next write', async () => {
    const damaged = '{"version":1,"entries":{"a":';
    await writeFile(filePath, damaged);
    const now = () => new Date('2024-05-06T07:08:09.010Z');
    const { vault: v } = vault({ now });
    await v.set('device-key', secret);
    const aside = join(dir, 'vault.json.corrupt-2024-05-06T07-08-09-010Z');
    expect(await readFile(aside, 'utf8')).toBe(damaged);
    expect((await readdir(dir)).sort()).toEqual([
      'vault.json',
      'vault.json.corrupt-2024-05-06T07-08-09-010Z',
    ]);
    expect(await v.get('device-key')).toEqual(secret);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('vault.json.corrupt-'));
  });

  it('reports an entry that no longer decrypts, naming it', async () => {
    await writeFile(
      filePath,
      JSON.stringify({
        version: 1,
        entries: { 'device-key': Buffer.from('garbage').toString('base64') },
      }),
    );
    await expect(vault().vault.get('device-key')).rejects.toThrow(/“device-key”/);
  });

  it('is reported as unreadable, and left alone, when it cannot be read', async () => {
    const unreadable = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const fs = { ...nodeFs, readFile: () => Promise.reject(unreadable) };
    await writeFile(filePath, '{"version":1,"entries":{}}');
    const { vault: v } = vault({ fs });
    await expect(v.get('a')).rejects.toMatchObject({
      name: 'VaultCorruptError',
      reason: 'unreadable',
    });
    await expect(v.set('a', secret)).rejects.toBeInstanceOf(VaultCorruptError);
    expect(await readdir(dir)).toEqual(['vault.json']);
  });
});

describe('vault status', () => {
  const statusFor = (backend: string, platform: NodeJS.Platform = 'linux', available = true) =>
    createVault({
      safeStorage: fakeSafeStorage({ backend, available }).safeStorage,
      filePath,
      platform,
    }).status();

  it('says plainly that basic_text does not protect keys at rest', async () => {
    const status = await statusFor('basic_text');
    expect(status).toMatchObject({
      available: true,
      backend: 'basic_text',
      protectedAtRest: false,
    });
    expect(status.explanation).toMatch(/no keyring/);
    expect(status.explanation).toMatch(/anyone who can read your files can read them/);
    expect(status.explanation).toMatch(/Install and unlock a keyring, then restart Fellows\./);
  });

  it('does not claim protection when the backend is unknown', async () => {
    expect(await statusFor('unknown')).toMatchObject({ protectedAtRest: false });
  });

  it('reports real keyrings as protected', async () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(await statusFor(backend)).toMatchObject({ backend, protectedAtRest: true });
    }
  });

  it('names the system store on macOS and Windows', async () => {
    expect(await statusFor('unknown', 'darwin')).toMatchObject({
      backend: 'keychain',
      protectedAtRest: true,
    });
    expect(await statusFor('unknown', 'win32')).toMatchObject({
      backend: 'dpapi',
      protectedAtRest: true,
    });
  });

  it('explains when encryption is unavailable', async () => {
    const status = await statusFor('gnome_libsecret', 'linux', false);
    expect(status).toMatchObject({ available: false, protectedAtRest: false });
    expect(status.explanation).toMatch(/will not save keys/);
  });

  it('has an explanation for every backend', () => {
    for (const backend of [
      'basic_text',
      'unknown',
      'gnome_libsecret',
      'kwallet',
      'keychain',
      'dpapi',
    ] as const) {
      expect(describeBackend(true, backend).explanation.length).toBeGreaterThan(20);
    }
  });
});
