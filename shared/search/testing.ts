// An in-memory search source for tests: messages with an explicit position in the
// conversation, changed by hand, whose `messages` events go out when `flush` is called (as a
// group's engine announces a whole batch at once).
import type { MessageText } from '../repo/handle.ts';
import type { SearchSource } from './group-index.ts';

type Stored = MessageText & { position: number; time: number };
type Change = { added: string[]; changed: string[] };

export type FakeSource = SearchSource & {
  add(message: { id: string; position: number; person: string; text: string; time?: number }): void;
  edit(id: string, text: string): void;
  remove(id: string): void;
  rename(person: string, name: string): void;
  flush(): void;
  /** Every message, conversation order (what a naive search scans). */
  all(): MessageText[];
  listeners(): number;
};

export function fakeSource(names: Record<string, string> = {}): FakeSource {
  const messages = new Map<string, Stored>();
  const people = new Map(Object.entries(names));
  const listeners = new Set<(change: Change) => void>();
  let pending: Change = { added: [], changed: [] };
  const ordered = () => [...messages.values()].sort(compare);
  const compare = (a: Stored, b: Stored) =>
    a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const changed = (id: string, text: string, deleted: boolean) => {
    const message = messages.get(id);
    if (!message) throw new Error(`no message ${id}`);
    messages.set(id, { ...message, text: deleted ? '' : text, deleted });
    pending.changed.push(id);
  };
  const view = ({ id, person, text, deleted }: Stored): MessageText => ({
    id,
    person,
    name: people.get(person) ?? person,
    text,
    deleted,
  });
  return {
    texts: (ids) =>
      ids === undefined
        ? ordered().map(view)
        : ids.flatMap((id) => {
            const message = messages.get(id);
            return message ? [view(message)] : [];
          }),
    times: (ids) => ids.map((id) => messages.get(id)?.time ?? NaN),
    compareMessages(a, b) {
      const x = messages.get(a);
      const y = messages.get(b);
      return x && y ? compare(x, y) : 0;
    },
    authorNames: () => people,
    on(_type, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add({ id, position, person, text, time = position }) {
      if (messages.has(id)) throw new Error(`message ${id} twice`);
      messages.set(id, { id, position, person, name: '', text, deleted: false, time });
      pending.added.push(id);
    },
    edit: (id, text) => {
      changed(id, text, false);
    },
    remove: (id) => {
      changed(id, '', true);
    },
    rename(person, name) {
      people.set(person, name);
    },
    flush() {
      const change = pending;
      pending = { added: [], changed: [] };
      if (change.added.length + change.changed.length === 0) return;
      for (const listener of listeners) listener(change);
    },
    all: () => ordered().map(view),
    listeners: () => listeners.size,
  };
}
