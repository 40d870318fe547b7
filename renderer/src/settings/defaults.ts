import type { AppSettings } from './settings.ts';
import { parseSignalingSetting } from './urls.ts';

/**
 * The signaling servers new groups use until the person changes them, set at build time
 * (FELLOWS_SIGNALING, comma-separated); none by default. Written the way Settings writes them,
 * and any the Settings screen would refuse are left out, with a warning.
 */
export const DEFAULT_SIGNALING: string[] = defaultSignaling(
  import.meta.env.VITE_FELLOWS_SIGNALING ?? '',
);

/** No STUN by default: the app contacts only servers the person can see (DESIGN §6). */
export const DEFAULT_SETTINGS: AppSettings = {
  signaling: DEFAULT_SIGNALING,
  stun: [],
  theme: 'system',
  language: 'system',
  notificationPreview: 'sender-and-text',
  skinTone: 'none',
};

export function defaultSignaling(configured: string): string[] {
  const urls: string[] = [];
  for (const entry of configured.split(',')) {
    if (entry.trim() === '') continue;
    const parsed = parseSignalingSetting(entry);
    if (!parsed.ok)
      console.warn(`fellows: ignoring the built-in signaling server ${entry}: ${parsed.error}`);
    else if (!urls.includes(parsed.url)) urls.push(parsed.url);
  }
  return urls;
}
