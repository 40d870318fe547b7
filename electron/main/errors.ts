import type { BridgeErrorCode } from '../../shared/result.ts';

/**
 * A failure the main process expects and can explain: the IPC layer passes its `code` and
 * `message` to the renderer as they are. Its message must therefore be written for a person
 * and must never contain a secret. Anything thrown that is not an `ExpectedError` is a bug
 * and reaches the renderer only as a generic `internal` error.
 */
export abstract class ExpectedError extends Error {
  abstract readonly code: BridgeErrorCode;
}

/** The operating system's secret storage cannot be used, so nothing may be written. */
export class VaultUnavailableError extends ExpectedError {
  override readonly name = 'VaultUnavailableError';
  readonly code = 'unavailable';
}

/**
 * The vault file exists but cannot be used: `malformed` when its content is not a vault
 * (it is then set aside by the next write), `unreadable` when the system refused to read it
 * (left alone: moving it would not help and might fail the same way), `undecryptable` when
 * one entry no longer opens (the keyring was reset; setting that name again replaces it).
 */
export class VaultCorruptError extends ExpectedError {
  override readonly name = 'VaultCorruptError';
  readonly code = 'unavailable';
  constructor(
    message: string,
    readonly reason: 'malformed' | 'unreadable' | 'undecryptable',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The vault already holds as many secrets as it allows. */
export class VaultFullError extends ExpectedError {
  override readonly name = 'VaultFullError';
  readonly code = 'invalid-argument';
}

/** A value passed the schema but a stricter check in main refused it. */
export class RefusedArgumentError extends ExpectedError {
  override readonly name = 'RefusedArgumentError';
  readonly code = 'invalid-argument';
}
