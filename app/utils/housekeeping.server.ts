import { deleteStaleLoginRecords } from "~/utils/rate-limit.server";
import { deleteExpiredSessions } from "~/utils/session.server";

/** How often the server deletes expired sessions, login failures and reset requests too old to count, and expired known browsers. */
export const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

/**
 * Started by the server: one sweep at once, then one every `everyMs`. A sweep that fails (the database
 * away) is logged in one line and tried again at the next turn. `idle()` resolves when the sweep under
 * way, if any, has finished.
 */
export function startHousekeeping({
  everyMs = HOUSEKEEPING_EVERY_MS,
  log = (line: string) => console.warn(line),
  tasks = [() => deleteExpiredSessions(), () => deleteStaleLoginRecords()],
}: { everyMs?: number; log?: (line: string) => void; tasks?: (() => Promise<unknown>)[] } = {}) {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = Promise.all(tasks.map((task) => task())).catch((error: unknown) =>
      log(`Deleting expired sessions failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return running;
  };
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    idle: () => running.then(() => undefined),
  };
}
