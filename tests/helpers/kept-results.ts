import { keptData } from "~/utils/kept-data.server";

/**
 * Runs `fn` with query results kept as a production server keeps them (decision 028): for a minute,
 * and as if changes were heard, though no notice of one reaches a test (`keptData.invalidate()` stands
 * for it). Keeping is off again afterwards, as it is for every other test.
 */
export async function withKeptResults<T>(fn: () => Promise<T>): Promise<T> {
  keptData.maxAgeMs = 60_000;
  keptData.setListening(true);
  try {
    return await fn();
  } finally {
    keptData.setListening(false);
    keptData.maxAgeMs = 0;
  }
}
