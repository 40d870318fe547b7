import { describe, expect, it } from 'vitest';
import { keepOpened, takeOpened } from './opened-early.ts';

describe('databases opened early', () => {
  it('hands a kept connection to its reader once; a later open makes its own', async () => {
    const connection = { name: 'db' };
    keepOpened('kept-db', Promise.resolve(connection));
    expect(await takeOpened('kept-db')).toBe(connection);
    expect(takeOpened('kept-db')).toBeUndefined();
    expect(takeOpened('never-kept')).toBeUndefined();
  });

  it('keeps a failed open quietly until its reader takes it and sees the failure', async () => {
    keepOpened('broken-db', Promise.reject(new Error('quota')));
    // No unhandled rejection in between (vitest fails the run on one).
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeOpened('broken-db')).rejects.toThrow('quota');
  });
});
