/**
 * Work that must not run several times at once in one server process: exports of the whole directory
 * are built in memory (100,000 enterprises as a spreadsheet take several hundred MB), so a second one
 * waits for the first instead of doubling the memory. A waiter gives up after `maxWaitMs`.
 */
export function oneAtATime() {
  let running = false;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running = false;
  };
  /** Runs `work` in its turn; null when the turn did not come within `maxWaitMs`. */
  return async function inTurn<T>(work: () => Promise<T>, maxWaitMs: number): Promise<{ value: T } | null> {
    if (running) {
      const turn = await new Promise<boolean>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(wake), 1);
          resolve(false);
        }, maxWaitMs);
        waiting.push(wake);
      });
      if (!turn) return null;
    } else {
      running = true;
    }
    try {
      return { value: await work() };
    } finally {
      release();
    }
  };
}
