import { logError } from '../log.ts';

/** A small typed event emitter: `on` returns the function that unsubscribes. */
export type Emitter<Events extends Record<string, unknown>> = {
  on: <K extends keyof Events>(type: K, listener: (event: Events[K]) => void) => () => void;
  emit: <K extends keyof Events>(type: K, event: Events[K]) => void;
};

export function createEmitter<Events extends Record<string, unknown>>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(event: never) => void>>();
  return {
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(type, event) {
      for (const listener of listeners.get(type) ?? []) {
        try {
          (listener as (event: Events[typeof type]) => void)(event);
        } catch (error) {
          // One broken subscriber must not stop the engine or the others.
          logError(`a ${String(type)} listener failed`, error);
        }
      }
    },
  };
}
