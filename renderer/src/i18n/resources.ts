import common from './namespaces/common.ts';
import composer from './namespaces/composer.ts';
import conversation from './namespaces/conversation.ts';
import group from './namespaces/group.ts';
import home from './namespaces/home.ts';
import invite from './namespaces/invite.ts';
import notify from './namespaces/notify.ts';
import onboarding from './namespaces/onboarding.ts';
import refusal from './namespaces/refusal.ts';
import room from './namespaces/room.ts';
import search from './namespaces/search.ts';
import settings from './namespaces/settings.ts';
import sidebar from './namespaces/sidebar.ts';

/** Every namespace, each with its English source and its Dutch and Chinese translations. */
export const NAMESPACES = {
  common,
  composer,
  conversation,
  group,
  home,
  invite,
  notify,
  onboarding,
  refusal,
  room,
  search,
  settings,
  sidebar,
} as const;

export type Namespace = keyof typeof NAMESPACES;

/** The languages Fellows speaks, as BCP 47 tags. */
export const LANGUAGE_TAGS = ['en', 'nl', 'zh-CN'] as const;
export type Language = (typeof LANGUAGE_TAGS)[number];

/** Each language's name in itself, for the switch in Settings. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  nl: 'Nederlands',
  'zh-CN': '简体中文',
};

/** i18next's resource shape: language → namespace → strings. */
export function resources(): Record<Language, Record<Namespace, Record<string, string>>> {
  const out = {} as Record<Language, Record<Namespace, Record<string, string>>>;
  for (const language of LANGUAGE_TAGS) {
    const byNamespace = {} as Record<Namespace, Record<string, string>>;
    for (const ns of Object.keys(NAMESPACES) as Namespace[])
      byNamespace[ns] = NAMESPACES[ns][language];
    out[language] = byNamespace;
  }
  return out;
}
