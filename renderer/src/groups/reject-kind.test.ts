import { describe, expect, it } from 'vitest';
import blobFormat from '../../../shared/blob/format.ts?raw';
import reducer from '../../../shared/membership/reduce.ts?raw';
import { rejectKind } from './reject-kind.ts';

describe('rejectKind', () => {
  it('sorts the core’s reasons', () => {
    expect(rejectKind('bad-signature')).toBe('damaged');
    expect(rejectKind('equivocation')).toBe('order');
    expect(rejectKind('not-admin')).toBe('membership');
    expect(rejectKind('something-new')).toBe('other');
  });

  it('knows every membership reason the reducer has', () => {
    const source = reducer;
    const union = /export type MembershipRejectReason =([^;]+);/.exec(source)?.[1] ?? '';
    const reasons = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1] ?? '');
    expect(reasons.length).toBeGreaterThan(10);
    for (const reason of reasons) expect(rejectKind(reason), reason).toBe('membership');
  });

  it('knows every blob reason the parser and opener have', () => {
    const source = blobFormat;
    const union = /export type BlobRejectReason =([^;]+);/.exec(source)?.[1] ?? '';
    const reasons = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1] ?? '');
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(rejectKind(reason), reason).toBe('damaged');
  });
});
