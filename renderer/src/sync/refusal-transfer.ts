import * as Comlink from 'comlink';
import { refusalOf } from '../../../shared/refusal.ts';

// Comlink sends a thrown Error to the page as its message, name and stack only, and the page's
// side copies every field it was sent onto the Error it throws there. The worker adds the
// refusal code (shared/refusal.ts), so the page can word it in the reader's language.

type ErrorWire = { isError: true; value: Record<string, unknown> };

const isErrorWire = (wire: unknown): wire is ErrorWire =>
  typeof wire === 'object' &&
  wire !== null &&
  (wire as { isError?: unknown }).isError === true &&
  typeof (wire as { value?: unknown }).value === 'object' &&
  (wire as { value?: unknown }).value !== null;

/** In the worker, before `expose`: errors thrown to the page keep their refusal. */
export function carryRefusals(handlers = Comlink.transferHandlers): void {
  const thrown = handlers.get('throw');
  if (!thrown) throw new Error('Comlink has no handler for thrown values');
  handlers.set('throw', {
    canHandle: (value: unknown): value is unknown => thrown.canHandle(value),
    serialize(value: unknown) {
      const [wire, transferables] = thrown.serialize(value);
      const refusal = refusalOf((value as { value?: unknown }).value);
      if (refusal === null || !isErrorWire(wire)) return [wire, transferables];
      return [{ ...wire, value: { ...wire.value, refusal } }, transferables];
    },
    deserialize: (wire: unknown) => thrown.deserialize(wire),
  });
}
