import type { RepoDeps } from '../../../shared/repo/repo.ts';
import type { SearchableGroup } from '../../../shared/search/searches.ts';

/**
 * What the sync worker may search while `start` opens the groups: createRepo tells it (its
 * `opening`) which groups there are, then each group as it becomes searchable, from its sealed
 * index while its content loads and as its handle once open (docs/architecture.md,
 * "Searchable while opening").
 */
export type Opening = NonNullable<RepoDeps['opening']> & {
  /**
   * The groups a search of one group (or of every group: null) can be answered from now, or
   * null when some are not searchable yet (the search then waits for `done`).
   */
  answerable(groupId: string | null): SearchableGroup[] | null;
  /** Resolves once `start` has ended, with the groups open or not. */
  readonly done: Promise<void>;
  finish(): void;
};

export function createOpening(): Opening {
  let ids: readonly string[] | null = null;
  const searchable = new Map<string, SearchableGroup>();
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    groups(list) {
      ids = [...list];
    },
    searchable(group) {
      searchable.set(group.id, group);
    },
    answerable(groupId) {
      if (groupId !== null) {
        const one = searchable.get(groupId);
        return one ? [one] : null;
      }
      if (ids === null || !ids.every((id) => searchable.has(id))) return null;
      return ids.flatMap((id) => searchable.get(id) ?? []);
    },
    done,
    finish() {
      finish();
    },
  };
}
