/** The outcome of an operation that can fail in an expected way: never thrown, always returned. */
export type Result<T, E = BridgeError> = { ok: true; value: T } | { ok: false; error: E };

/** Why a bridge call failed, in a form that survives structured cloning across IPC. */
export type BridgeError = {
  code: BridgeErrorCode;
  message: string;
};

export type BridgeErrorCode =
  'forbidden' | 'invalid-argument' | 'unknown-channel' | 'unavailable' | 'internal';

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failed result. */
export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
