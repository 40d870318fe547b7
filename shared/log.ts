/**
 * Logging for shared/, which has no DOM or Node types: every host has a console, typed here
 * narrowly. Never log secrets, message text or key material.
 */
type Console = { warn(...args: unknown[]): void; error(...args: unknown[]): void };

const hostConsole = (globalThis as unknown as { console: Console }).console;

export function logWarn(message: string, detail?: unknown): void {
  hostConsole.warn(message, ...(detail === undefined ? [] : [detail]));
}

export function logError(message: string, detail?: unknown): void {
  hostConsole.error(message, ...(detail === undefined ? [] : [detail]));
}
