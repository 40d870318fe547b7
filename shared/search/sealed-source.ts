import type { MessageText } from '../repo/handle.ts';
import { createGroupIndex, type GroupIndex } from './group-index.ts';
import { shownText, type SealedIndex } from './sealed-index.ts';
import type { SearchableGroup } from './searches.ts';

/**
 * A group searchable from its sealed index alone, while its content doc still loads
 * (docs/architecture.md, "Searchable while opening"): the index finds the messages, and the
 * texts and times sealed with it are what a result shows. The repo offers one only when the
 * index holds exactly what the device has stored of the group (its heads are the snapshot's,
 * and no newer blob is stored), and replaces it with the group's handle once the group is open.
 * Nothing changes it: it is a picture of the group as last sealed.
 */
export type SealedGroup = SearchableGroup & { searchIndex(): GroupIndex };

export function sealedGroup(id: string, sealed: SealedIndex): SealedGroup {
  // Where each message looked up is: its block, its place there, and in the conversation.
  // Found in one pass over the ids for the few a search shows: a map of all 100k took 40 ms.
  const known = new Map<string, { block: number; k: number; at: number }>();
  const locate = (ids: readonly string[]) => {
    const missing = new Set(ids.filter((messageId) => !known.has(messageId)));
    let at = 0;
    for (const [block, { ids: held }] of sealed.blocks.entries()) {
      if (missing.size === 0) break;
      for (const [k, messageId] of held.entries()) {
        if (missing.delete(messageId)) known.set(messageId, { block, k, at: at + k });
      }
      at += held.length;
    }
    return known;
  };
  const every = () => sealed.blocks.flatMap((block) => block.ids);
  const textOf = (messageId: string): MessageText | null => {
    const place = known.get(messageId);
    if (!place) return null;
    const block = sealed.blocks[place.block];
    const author = block?.authors[place.k] ?? -1;
    const person = sealed.people[author];
    const shown = sealed.shown[place.block];
    const text = shown ? shownText(shown, place.k) : '';
    return person
      ? { id: messageId, person: person.person, name: person.name, text, deleted: false }
      : { id: messageId, person: '', name: '', text: '', deleted: true };
  };
  const names = new Map(sealed.people.map(({ person, name }) => [person, name]));
  let index: GroupIndex | null = null;
  const group: SealedGroup = {
    id,
    name: () => sealed.groupName,
    texts(ids) {
      const wanted = ids ?? every();
      locate(wanted);
      return wanted.flatMap((messageId) => textOf(messageId) ?? []);
    },
    times(ids) {
      const places = locate(ids);
      return ids.map((messageId) => {
        const place = places.get(messageId);
        return place ? (sealed.shown[place.block]?.times[place.k] ?? NaN) : NaN;
      });
    },
    compareMessages(a, b) {
      const places = locate([a, b]);
      return (places.get(a)?.at ?? 0) - (places.get(b)?.at ?? 0);
    },
    authorNames: () => names,
    // A picture: nothing changes it.
    on: () => () => undefined,
    searchIndex() {
      index ??= createGroupIndex(group, {
        seed: { people: sealed.people, blocks: sealed.blocks, since: { added: [], changed: [] } },
      });
      return index;
    },
  };
  return group;
}
