import { describe, expect, it } from 'vitest';
import blobFormat from '../../../shared/blob/format.ts?raw';
import reducer from '../../../shared/membership/reduce.ts?raw';
import { rejectKind } from './reject-kind.ts';

/** The string members of `export type <name> = 'a' | 'b' …;` in a source file. */
function unionMembers(source: string, name: string): string[] {
  const union = new RegExp(`export type ${name} =([^;]+);`).exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1] ?? '');
}

describe('rejectKind', () => {
  it('sorts the core’s reasons', () => {
    expect(rejectKind('bad-signature')).toBe('damaged');
    expect(rejectKind('equivocation')).toBe('order');
    expect(rejectKind('not-admin')).toBe('membership');
    expect(rejectKind('something-new')).toBe('other');
  });

  it('knows every reason the membership reducer and the blob parser and opener give', () => {
    const cases = [
      { reasons: unionMembers(reducer, 'MembershipRejectReason'), kind: 'membership', least: 10 },
      { reasons: unionMembers(blobFormat, 'BlobRejectReason'), kind: 'damaged', least: 5 },
    ] as const;
    for (const { reasons, kind, least } of cases) {
      expect(reasons.length).toBeGreaterThan(least);
      for (const reason of reasons) expect(rejectKind(reason), reason).toBe(kind);
    }
  });
});
