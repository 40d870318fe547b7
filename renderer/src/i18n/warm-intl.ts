/**
 * Loads the browser's ICU data (time zones, calendars, break rules) while the page waits for
 * its databases, instead of inside the first render. The first `Intl.DateTimeFormat` a page
 * makes costs 43–47 ms in Chromium here, every later one ~1 ms, in any language; the first
 * screen formats each message's time, so that cost fell in the task that draws it (the
 * unlock's, already the longest of the start). The entry calls it in a task of its own once
 * the app's JS has run and the profile is being read, when the page waits for IndexedDB.
 */
export function warmIntl(): void {
  try {
    new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(0);
  } catch {
    // Only a head start: the formatters are made when first used, as before.
  }
}

/** Runs `warmIntl` in its own task, after the one running now. */
export function warmIntlSoon(): void {
  setTimeout(warmIntl, 0);
}
