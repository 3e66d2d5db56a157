import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote so far, stdout and stderr. */
  output: () => string;
  /** The server processes the primary has started so far (production), oldest first, from what it wrote. */
  started: () => { id: string; pid: number }[];
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** A folder of its own for a server's data; the embedded database runs as another user, so it must be readable. */
export function makeDataFolder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The production server as `npm start` runs it, with one server process. */
export const ONE_PRODUCTION_PROCESS = { NODE_ENV: "production", WEB_CONCURRENCY: "1" } as const;

/**
 * Starts the server as its own process and waits until it listens: in development mode unless told
 * otherwise (`server.ts` through tsx, as `npm run dev`), in production as `npm start` runs it (the
 * build's `build/server.js` with node and its flags; the build must be there).
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const production = env.NODE_ENV === "production";
  const child = spawn(process.execPath, production ? ["--liftoff-only", "build/server.js"] : ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "development", PORT: "0", ORTAQ_SEED: "never", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`server exited early:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    started: () =>
      [...output.matchAll(/Server process (\d+) \(pid (\d+)\) started/g)].map((match) => ({ id: match[1]!, pid: Number(match[2]) })),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The pid and port of the PostgreSQL running on a data folder, read from its postmaster.pid. */
export function postmasterOf(dataDir: string): { pid: number; port: number } {
  const lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/** Signs up a new account through the form, as a browser on the site would; the response's status. */
export async function signUp(url: string, email: string, displayName = "Reliable Writer"): Promise<number> {
  const response = await postSignUp(url, email, displayName);
  await response.arrayBuffer();
  return response.status;
}

/** Signs up a new account as `signUp` does; the session cookie it is signed in with (`name=value`). */
export async function signedUpSession(url: string, email: string, displayName = "Reliable Writer"): Promise<string> {
  const response = await postSignUp(url, email, displayName);
  await response.arrayBuffer();
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("ortaq_session="));
  if (response.status !== 302 || !session) throw new Error(`signing up answered ${response.status} without a session`);
  return session.split(";")[0]!;
}

function postSignUp(url: string, email: string, displayName: string) {
  return fetch(`${url}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, "Accept-Language": "en" },
    body: new URLSearchParams({ email, password: "Tundra-Violet-Quasar-8842", displayName, language: "en", role: "entrepreneur" }),
  });
}

/** Polls until `check` is true, every quarter second, for at most `seconds`; whether it became true. */
export async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
