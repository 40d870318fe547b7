/** Set in this tab's session while a requested erase waits for the reload that runs it. */
export const ERASE_FLAG = 'fellows:erase-pending';

/** Whether an erase waits to run: nothing may open the databases it deletes before it has. */
export function erasePending(storage: Pick<Storage, 'getItem'>): boolean {
  try {
    return storage.getItem(ERASE_FLAG) === '1';
  } catch {
    // No session storage (a locked-down page): no erase could have been asked for either.
    return false;
  }
}
