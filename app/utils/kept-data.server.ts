// The results of the heavier queries behind public pages (the directory's pages, counts and
// searches, the forum's category figures, forum searches), kept in each server process's memory and
// shared by every reader, signed in or not, until the data changes (decision 028). The pages kept for
// anonymous readers (page-cache.server.ts) spare the rendering; these spare the database for what a
// page shows everyone, where the page itself is rendered for one reader (a signed-in person, a search
// nobody made since the last change, a page's data fetched by the browser).
// - A result is kept under the query's name and arguments, and only while changes to the data are
//   heard: every committed change to a table public pages show (the same notice that drops the kept
//   pages) drops every kept result, and while that notice cannot be heard nothing is kept or reused.
// - A result is kept at most PAGE_CACHE_SECONDS (queries that depend on the time of day), and at most
//   MAX_ENTRIES results, the least recently used dropped first.
// - Readers asking at the same moment for a result not yet kept share one query. A failed query is not kept.
// - Only queries whose result is the same for every reader belong here; a result is shared, and is not to be changed.
// - A visitor who has just changed something (own-change.server.ts) reads afresh, whatever is kept.

import { KeptUntilChange } from "~/utils/kept-until-change.server";
import { readsAfresh } from "~/utils/request-scope.server";

const MAX_ENTRIES = 500;

interface Entry {
  version: number;
  storedAt: number;
  value: Promise<unknown>;
}

export class KeptData extends KeptUntilChange {
  private entries = new Map<string, Entry>();
  maxAgeMs = 0;

  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  protected get maxAge() {
    return this.maxAgeMs;
  }

  protected forget() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }

  /** The kept result of `name` for `args`, or `read()`'s, kept for the next reader. */
  read<T>(name: string, args: unknown, read: () => Promise<T>): Promise<T> {
    if (!this.enabled || readsAfresh()) return read();
    const key = `${name} ${JSON.stringify(args)}`;
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      if (entry.version === this.version && this.now() - entry.storedAt < this.maxAgeMs) {
        this.entries.set(key, entry);
        return entry.value as Promise<T>;
      }
    }
    const version = this.version;
    const value = read();
    const stored: Entry = { version, storedAt: this.now(), value };
    this.entries.set(key, stored);
    value.catch(() => {
      if (this.entries.get(key) === stored) this.entries.delete(key);
    });
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}

declare global {
  var __ortaqKeptData: KeptData | undefined;
}

/** This process's kept results: one for the server (which hears the changes) and the app's build, which each hold a copy of this module. */
export const keptData = (globalThis.__ortaqKeptData ??= new KeptData());

/** `read()`'s result, kept for every reader until the data changes (see above). */
export const kept = <T>(name: string, args: unknown, read: () => Promise<T>): Promise<T> => keptData.read(name, args, read);
