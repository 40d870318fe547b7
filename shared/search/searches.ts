import {
  createGroupIndex,
  type GroupHit,
  type GroupIndex,
  type SearchSource,
} from './group-index.ts';
import type { SearchRequest } from './request.ts';

/**
 * A group the worker searches: its handle is its source, and keeps its index (sealed with its
 * snapshot, repo.ts); a group without one of its own gets one here.
 */
export type SearchableGroup = SearchSource & {
  readonly id: string;
  name(): string;
  searchIndex?(): GroupIndex;
};

/** One result of a search, with the group it is in. */
export type SearchHit = GroupHit & { groupId: string; groupName: string };

/** Newest first; `more` when there were matches beyond the limit. */
export type SearchResults = { hits: SearchHit[]; more: boolean };

/**
 * The search indexes of every group searched so far, in memory only (DESIGN §7): each is
 * built the first time its group is searched and follows it from then on.
 */
export type Searches = {
  /** Searches `groups` (one, or every group the device is in) as `request` asks. */
  search(request: SearchRequest, groups: readonly SearchableGroup[]): SearchResults;
  /** Builds a group's index ahead of its first search (when the worker has nothing to do). */
  warm(group: SearchableGroup): void;
  /** Drops the index of a group no longer on this device (or every index). */
  forget(groupId?: string): void;
};

export function createSearches(): Searches {
  const indexes = new Map<string, { source: SearchSource; index: GroupIndex }>();
  const indexOf = (group: SearchableGroup) => {
    const own = group.searchIndex?.();
    if (own) return own;
    const known = indexes.get(group.id);
    if (known?.source === group) return known.index;
    known?.index.close();
    const index = createGroupIndex(group);
    indexes.set(group.id, { source: group, index });
    return index;
  };
  const forget = (groupId?: string) => {
    for (const [id, { index }] of indexes) {
      if (groupId !== undefined && id !== groupId) continue;
      index.close();
      indexes.delete(id);
    }
  };
  return {
    search(request, groups) {
      if (request.groupId === null) {
        const present = new Set(groups.map((g) => g.id));
        for (const id of indexes.keys()) if (!present.has(id)) forget(id);
      }
      if (request.terms.length === 0) return { hits: [], more: false };
      let more = false;
      const hits: SearchHit[] = [];
      for (const group of groups) {
        const found = indexOf(group).search(request.terms, request.limit);
        more ||= found.more;
        const groupName = group.name();
        for (const hit of found.hits) hits.push({ ...hit, groupId: group.id, groupName });
      }
      // Stable: equal times keep their group's order.
      hits.sort((a, b) => b.time - a.time);
      return { hits: hits.slice(0, request.limit), more: more || hits.length > request.limit };
    },
    warm(group) {
      indexOf(group).build();
    },
    forget,
  };
}
