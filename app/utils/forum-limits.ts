// Limits on posting, shared by the forms (hints) and the server (checks). Shared by server and browser.

export const MAX_TITLE_LENGTH = 150;
export const MIN_TITLE_LENGTH = 5;
export const MAX_POST_LENGTH = 20_000;
export const MAX_TAGS = 5;
export const MAX_TAG_LENGTH = 30;

/** An account younger than this is "new": fewer posts and links until it has been around a while. */
export const NEW_ACCOUNT_MS = 3 * 24 * 3_600_000;
export const POST_WINDOW_MS = 10 * 60 * 1000;
export const MAX_POSTS_PER_WINDOW = { new: 3, established: 10 } as const;
export const MAX_LINKS_PER_POST = { new: 2, established: 10 } as const;

export const THREADS_PER_PAGE = 20;
export const POSTS_PER_PAGE = 20;

/** The page of a thread on which post number `number` appears. */
export function pageOfPost(number: number) {
  return Math.floor((number - 1) / POSTS_PER_PAGE) + 1;
}

/** A tag as stored: trimmed, lower case, inner spaces as hyphens. */
export function normaliseTag(tag: string) {
  return tag.trim().toLowerCase().replace(/\s+/g, "-");
}

export const TAG_PATTERN = /^[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*$/u;
