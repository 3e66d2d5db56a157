// @mentions: a person is mentioned by their handle, `@aigerim-sadykova`. Handles are lower-case
// Latin letters, digits and single hyphens (Cyrillic names are transliterated), unique per
// person and shown beside their name in the forum, so a mention always names exactly one
// person. Shared by server and browser.
import { slugify } from "~/utils/slug";

export const HANDLE_MAX_LENGTH = 30;

/** The handle a display name suggests; callers add "-2", "-3"... when it is taken. */
export function handleBase(displayName: string): string {
  const base = slugify(displayName).slice(0, HANDLE_MAX_LENGTH).replace(/-+$/g, "");
  return base || "member";
}

// Preceded by the start or by a character that cannot be part of a word, an e-mail or a URL path.
const MENTION = /(^|[^a-z0-9_@/.-])@([a-z0-9]+(?:-[a-z0-9]+)*)/gi;

/**
 * The distinct handles mentioned in a text (lower case), ignoring code and quoted lines: quoting
 * a post repeats its mentions (and its attribution), which should not notify anyone again.
 */
export function extractMentions(markdown: string): string[] {
  const withoutCode = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/^\s*>.*$/gm, " ");
  const found = new Set<string>();
  for (const match of withoutCode.matchAll(MENTION)) found.add(match[2]!.toLowerCase());
  return [...found].slice(0, 20);
}
