import type { WebCryptoLike } from '../../../shared/crypto/webcrypto.ts';
import { logWarn } from '../../../shared/log.ts';
import {
  RECENT_RECORD,
  readRecentWindow,
  type RecentWindow,
} from '../../../shared/repo/recent-window.ts';
import { GROUPS_RECORD, openGroupsWindow } from '../../../shared/repo/groups-window.ts';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { createSealer, type Sealer } from '../../../shared/storage/sealer.ts';
import { groupRecordKey, readRecords } from '../storage/idb-storage.ts';

/**
 * The last open group's recent window, drawn before the sync engine has opened anything, and
 * the group list as the sidebar last showed it (null if none was saved or it is unreadable).
 */
export type EarlyWindow = {
  groupId: string;
  window: RecentWindow;
  groups: GroupSummary[] | null;
};

/** Unseals the window read ahead once the profile is unlocked: null if there is none. */
export type EarlyWindowReader = (storageKey: Uint8Array) => Promise<EarlyWindow | null>;

/**
 * Starts reading the last open group's sealed recent window (DESIGN §7) from disk now, as the
 * app loads: the page unseals it itself with the storage key the profile's unlock yields, so
 * the group's latest messages are drawn with the first screen. Through the sync worker they
 * waited for its script, its own database open and its `start` (~300 ms here; docs/benchmarks.md).
 * Only a head start: any failure draws nothing early, and the group opens as usual.
 */
export function readEarlyWindow(
  groupId: string | null,
  read: (keys: string[]) => Promise<(Uint8Array | null)[]> = readRecords,
  webCrypto: WebCryptoLike = crypto,
): EarlyWindowReader {
  if (groupId === null) return () => Promise.resolve(null);
  const sealed = read([groupRecordKey(groupId, RECENT_RECORD), GROUPS_RECORD]);
  // Its failure is seen (and said) when the key comes; until then it is not an unhandled one.
  sealed.catch(() => undefined);
  return async (storageKey) => {
    try {
      const sealer = await createSealer(webCrypto, storageKey);
      const [recent = null, list = null] = await sealed;
      const window = await readRecentWindow({ getRecord: () => Promise.resolve(recent) }, sealer);
      if (!window) return null;
      return { groupId, window, groups: await earlyGroups(list, sealer, groupId) };
    } catch (error) {
      logWarn('fellows: the recent window could not be read', error);
      return null;
    }
  };
}

/**
 * The saved group list, if it has the group whose window is drawn (else it is older than the
 * window, or from before that group was joined): null when there is none to use.
 */
async function earlyGroups(
  sealed: Uint8Array | null,
  sealer: Sealer,
  groupId: string,
): Promise<GroupSummary[] | null> {
  try {
    const groups = await openGroupsWindow(sealed, sealer);
    return groups?.some((group) => group.id === groupId) ? groups : null;
  } catch (error) {
    logWarn('fellows: the saved group list could not be read', error);
    return null;
  }
}
