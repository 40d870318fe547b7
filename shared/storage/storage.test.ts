import { describe, expect, it } from 'vitest';
import { runRepoStorageTests } from './storage-suite.ts';
import { memoryRepoStorage } from './storage.ts';

runRepoStorageTests('in-memory', () => Promise.resolve(memoryRepoStorage()), {
  describe,
  it,
  expect,
});
