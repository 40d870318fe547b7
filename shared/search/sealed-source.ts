import type { MessageText } from '../repo/handle.ts';
import { createGroupIndex, type GroupIndex } from './group-index.ts';
import type { SealedIndex } from './sealed-index.ts';
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
  // Where each message is: its block and place there, in conversation order. Made on the
  // first search, as only the results are looked up.
  let places: Map<string, { block: number; k: number; at: number }> | null = null;
  const placesOf = () => {
    if (places) return places;
    places = new Map();
    let at = 0;
    for (const [block, { ids }] of sealed.blocks.entries())
      for (const [k, messageId] of ids.entries()) places.set(messageId, { block, k, at: at++ });
    return places;
  };
  const every = () => sealed.blocks.flatMap((block) => block.ids);
  const textOf = (messageId: string): MessageText | null => {
    const place = placesOf().get(messageId);
    if (!place) return null;
    const block = sealed.blocks[place.block];
    const author = block?.authors[place.k] ?? -1;
    const person = sealed.people[author];
    const text = sealed.shown[place.block]?.texts[place.k] ?? '';
    return person
      ? { id: messageId, person: person.person, name: person.name, text, deleted: false }
      : { id: messageId, person: '', name: '', text: '', deleted: true };
  };
  const names = new Map(sealed.people.map(({ person, name }) => [person, name]));
  let index: GroupIndex | null = null;
  const group: SealedGroup = {
    id,
    name: () => sealed.groupName,
    texts: (ids) => (ids ?? every()).flatMap((messageId) => textOf(messageId) ?? []),
    times: (ids) =>
      ids.map((messageId) => {
        const place = placesOf().get(messageId);
        return place ? (sealed.shown[place.block]?.times[place.k] ?? NaN) : NaN;
      }),
    compareMessages: (a, b) => (placesOf().get(a)?.at ?? 0) - (placesOf().get(b)?.at ?? 0),
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
