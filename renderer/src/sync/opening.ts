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
  /**
   * The groups a search can be answered from, as soon as it can be: at once, when they
   * become searchable, or null once `start` has ended (the repo then answers, or says why not).
   */
  whenAnswerable(groupId: string | null): Promise<SearchableGroup[] | null>;
  /** Called once `start` has ended, with the groups open or not. */
  finish(): void;
};

export function createOpening(): Opening {
  let ids: readonly string[] | null = null;
  const searchable = new Map<string, SearchableGroup>();
  let ended = false;
  const waiting = new Set<() => void>();
  const changed = () => {
    for (const look of [...waiting]) look();
  };
  const opening: Opening = {
    groups(list) {
      ids = [...list];
      changed();
    },
    searchable(group) {
      searchable.set(group.id, group);
      changed();
    },
    answerable(groupId) {
      if (groupId !== null) {
        const one = searchable.get(groupId);
        return one ? [one] : null;
      }
      if (ids === null || !ids.every((id) => searchable.has(id))) return null;
      return ids.flatMap((id) => searchable.get(id) ?? []);
    },
    whenAnswerable(groupId) {
      return new Promise((resolve) => {
        const look = () => {
          const groups = ended ? null : opening.answerable(groupId);
          if (!ended && !groups) return;
          waiting.delete(look);
          resolve(groups);
        };
        waiting.add(look);
        look();
      });
    },
    finish() {
      ended = true;
      changed();
    },
  };
  return opening;
}
