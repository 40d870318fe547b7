import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_VAULT_VALUE_BYTES } from '../../../shared/ipc/contract.ts';
import { browserVault } from './browser-vault.ts';

describe('browser vault', () => {
  it('round-trips bytes and forgets deleted entries', async () => {
    const vault = browserVault('vault-roundtrip');
    expect(await vault.get('token')).toBeNull();
    await vault.set('token', new Uint8Array([1, 2, 3]));
    expect(await vault.get('token')).toEqual(new Uint8Array([1, 2, 3]));
    await vault.delete('token');
    expect(await vault.get('token')).toBeNull();
  });

  it('applies the same rules as the desktop vault', async () => {
    const vault = browserVault('vault-rules');
    await expect(vault.set('Bad Name', new Uint8Array([1]))).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(vault.set('ok', new Uint8Array(MAX_VAULT_VALUE_BYTES + 1))).rejects.toThrow(
      /at most 4096 bytes/,
    );
    await expect(vault.set('ok', new Uint8Array(0))).rejects.toThrow(/must not be empty/);
    await expect(vault.get('../etc')).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('tells the person plainly what protects their keys in a browser', async () => {
    const status = await browserVault('vault-status').status();
    expect(status.protectedAtRest).toBe(false);
    expect(status.explanation).toMatch(/browser profile/);
  });
});
