/** A catch handler that logs `fellows: <what> failed` and lets the sync go on. */
export function warnFailed(what: string): (error: unknown) => void {
  return (error) => {
    console.warn(`fellows: ${what} failed`, error);
  };
}
