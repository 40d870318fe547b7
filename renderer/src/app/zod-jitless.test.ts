import { expect, it } from 'vitest';

it('makes zod skip its `new Function` probe, which the CSP refuses', async () => {
  await import('./zod-jitless.ts');
  const { z } = await import('../../../shared/zod.ts');
  expect(z.config().jitless).toBe(true);
  // zod still parses, on its interpreted path.
  expect(z.object({ a: z.number() }).safeParse({ a: 1 }).success).toBe(true);
});
