import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { queryTerms } from '../../../shared/search/fold.ts';
import { matchRanges } from '../../../shared/search/snippet.ts';

export type SwitcherItem = { group: GroupSummary; marks: [number, number][] };

/**
 * The groups whose name has every word of `query` (case and accents ignored), those whose
 * name starts with the first word first; otherwise in the sidebar's order. No query: all.
 */
export function filterGroups(groups: readonly GroupSummary[], query: string): SwitcherItem[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return groups.map((group) => ({ group, marks: [] }));
  const found: (SwitcherItem & { starts: boolean })[] = [];
  for (const group of groups) {
    const marks = matchRanges(group.name, terms);
    const covered = terms.every((term) => matchRanges(group.name, [term]).length > 0);
    if (!covered) continue;
    found.push({ group, marks, starts: matchRanges(group.name, [terms[0] ?? ''])[0]?.[0] === 0 });
  }
  return [...found.filter((f) => f.starts), ...found.filter((f) => !f.starts)].map(
    ({ group, marks }) => ({ group, marks }),
  );
}
