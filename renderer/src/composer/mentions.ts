import { MAX_MENTIONS } from '../../../shared/content/schema.ts';
import type { MemberItem } from '../../../shared/repo/views.ts';

/** An `@` being typed: where it stands, where the caret is, and what lies between. */
export type MentionQuery = { start: number; end: number; query: string };

/** Longest name part looked back for: past this, an `@` far behind the caret is not a mention. */
const MAX_QUERY = 40;
/** How many members the list offers at once. */
export const MAX_SUGGESTIONS = 8;

const WORD = /[\p{L}\p{N}_]/u;
// Scripts written without spaces between words: a mention may follow or run into them.
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Whether `char` would glue onto an `@` or a name next to it, as in "ada@example.org": a
 * letter or digit of a script that puts spaces between words.
 */
export function glues(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char) && !UNSPACED.test(char);
}

/** The `@` mention being typed just before the caret, if any. */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  const at = text.lastIndexOf('@', caret - 1);
  if (at < from || at < 0) return null;
  const query = text.slice(at + 1, caret);
  // "@ 5pm" is not a mention, and a mention never spans lines.
  if (/^\s/u.test(query) || query.includes('\n')) return null;
  if (glues(text[at - 1])) return null;
  return { start: at, end: caret, query };
}

/** Folds case, accents and width away, so "zoe" finds "Zoë" and "ＢＯ" finds "Bo". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The members (not me) whose names match `query`: names that start with it first, then
 * names with a word that does, then names that merely contain it; alphabetical within each.
 */
export function matchMembers(
  members: readonly MemberItem[],
  query: string,
  limit = MAX_SUGGESTIONS,
): MemberItem[] {
  const wanted = fold(query);
  const ranked: { member: MemberItem; rank: number }[] = [];
  for (const member of members) {
    if (member.me) continue;
    const name = fold(member.name);
    const rank = name.startsWith(wanted)
      ? 0
      : name.split(/\s+/u).some((word) => word.startsWith(wanted))
        ? 1
        : name.includes(wanted)
          ? 2
          : -1;
    if (rank >= 0) ranked.push({ member, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name));
  return ranked.slice(0, limit).map((r) => r.member);
}

/** Puts `@Name ` in place of the query (one space after it, unless one is there already). */
export function insertMention(
  text: string,
  query: MentionQuery,
  name: string,
): { text: string; caret: number } {
  const after = text.slice(query.end);
  const mention = `@${name}`;
  const caret = query.start + mention.length + 1;
  return {
    text: `${text.slice(0, query.start)}${mention}${after.startsWith(' ') ? '' : ' '}${after}`,
    caret,
  };
}

/** Whether `@name` stands in the text as a mention, not inside a longer word or address. */
export function namedIn(text: string, name: string): boolean {
  const needle = `@${name}`;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (!glues(text[i - 1]) && !glues(text[i + needle.length])) return true;
  }
  return false;
}

/**
 * The person keys a message mentions: members (not me) whose `@Name` is in the text. When
 * several members share that name, the ones picked from the list (person → name) count, or
 * all of them if none was picked. At most MAX_MENTIONS, as peers accept no more.
 */
export function mentionedPeople(
  text: string,
  members: readonly MemberItem[],
  picked: Readonly<Record<string, string>>,
): string[] {
  const byName = new Map<string, MemberItem[]>();
  for (const member of members) {
    if (member.me || !namedIn(text, member.name)) continue;
    byName.set(member.name, [...(byName.get(member.name) ?? []), member]);
  }
  const people = new Set<string>();
  for (const [name, named] of byName) {
    const chosen = named.filter((m) => picked[m.person] === name);
    for (const member of chosen.length > 0 ? chosen : named) people.add(member.person);
  }
  return [...people].slice(0, MAX_MENTIONS);
}
