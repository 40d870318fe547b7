import { describe, expect, it } from 'vitest';
import { channelNames } from './channels.ts';
import {
  contract,
  externalUrlSchema,
  MAX_VAULT_VALUE_BYTES,
  vaultNameSchema,
  vaultValueSchema,
} from './contract.ts';

describe('IPC contract', () => {
  it('covers exactly the channel list, each named namespace:action', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('accepts the arguments each channel expects and refuses extra ones', () => {
    expect(contract['vault:get'].args.safeParse(['device-storage-key']).success).toBe(true);
    expect(contract['vault:get'].args.safeParse(['device-storage-key', 'extra']).success).toBe(
      false,
    );
    expect(contract['app:info'].args.safeParse([]).success).toBe(true);
    expect(contract['app:info'].args.safeParse([1]).success).toBe(false);
  });

  it('vault names are short, lower-case and cannot walk paths', () => {
    for (const good of ['a', 'device-storage-key', 'k.v_1']) {
      expect(vaultNameSchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ['', '../x', 'A', '.hidden', 'a/b', 'x'.repeat(65), 7, null]) {
      expect(vaultNameSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('vault values are non-empty bytes within the cap', () => {
    expect(vaultValueSchema.safeParse(new Uint8Array(MAX_VAULT_VALUE_BYTES)).success).toBe(true);
    expect(vaultValueSchema.safeParse(new Uint8Array(MAX_VAULT_VALUE_BYTES + 1)).success).toBe(
      false,
    );
    expect(vaultValueSchema.safeParse(new Uint8Array(0)).success).toBe(false);
    expect(vaultValueSchema.safeParse('secret').success).toBe(false);
    expect(vaultValueSchema.safeParse([1, 2, 3]).success).toBe(false);
  });

  it('only http and https links, without hidden characters, may leave the app', () => {
    for (const good of [
      'https://example.org',
      'http://example.org/a?b=c#d',
      'HTTPS://EXAMPLE.ORG/x',
    ]) {
      expect(externalUrlSchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'fellows://join/abc',
      'https://user:pw@example.org/',
      'https://exa mple.org',
      'https://example.org/\u0000',
      'https://',
      `https://example.org/${'a'.repeat(2048)}`,
      42,
    ]) {
      expect(externalUrlSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });
});
