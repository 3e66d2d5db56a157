import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { makeDataFolder, ONE_PRODUCTION_PROCESS, startServerProcess, waitFor, type ServerProcess } from "../helpers/server-process";

let server: ServerProcess | undefined;
let removeFolder: (() => void) | undefined;
afterEach(async () => {
  await server?.stop();
  removeFolder?.();
});

interface Answer {
  status: number;
  body: string;
}

/**
 * A request on a connection of its own that asks `Expect: 100-continue`: the server answers
 * "100 Continue" once it has read the request line and headers, so `accepted` resolves when the
 * request is certainly under way on the server. `finish` sends the body, if one was held back.
 */
function inFlight(url: string, pathName: string, body?: string): { accepted: Promise<void>; answer: Promise<Answer>; finish: () => void } {
  let accept!: () => void;
  const accepted = new Promise<void>((resolve) => (accept = resolve));
  const target = new URL(pathName, url);
  const request = http.request(target, {
    method: body === undefined ? "GET" : "POST",
    agent: false,
    headers: {
      Expect: "100-continue",
      "Accept-Language": "en",
      ...(body === undefined
        ? {}
        : { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: url }),
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on("response", (response) => {
      accept();
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
  });
  request.on("continue", accept);
  request.flushHeaders();
  if (body === undefined) request.end();
  else request.write(body.slice(0, 10));
  return { accepted, answer, finish: () => (body === undefined ? undefined : request.end(body.slice(10))) };
}

// The timeout guards against a hung server on a shared machine; it is not a speed check.
test("SIGTERM under load: every request in flight, pages and half-sent sign-ups alike, is answered, then the process exits 0", async () => {
  const folder = makeDataFolder("ortaq-shutdown-");
  removeFolder = folder.remove;
  server = await startServerProcess({
    ...ONE_PRODUCTION_PROCESS,
    DATABASE_URL: process.env.DATABASE_URL!,
    EVIDENCE_DIR: path.join(folder.dir, "evidence"),
  });
  const pages = ["/", "/forum", "/ratings", "/methodology", "/sector", "/signup", "/login", "/healthz"];
  // Each page once before the load.
  for (const page of pages) expect((await fetch(`${server.url}${page}`)).status).toBe(200);

  const reads = [...pages, ...pages].map((page) => inFlight(server!.url, page));
  const emails = [1, 2, 3, 4].map((n) => `draining-${n}@shutdown.test`);
  const writes = emails.map((email) =>
    inFlight(
      server!.url,
      "/signup",
      new URLSearchParams({
        email,
        password: "Tundra-Violet-Quasar-8842",
        displayName: "Late Writer",
        language: "en",
        role: "funder",
      }).toString(),
    ),
  );
  await Promise.all([...reads, ...writes].map((request) => request.accepted));

  const exited = server.exited;
  server.child.kill("SIGTERM");
  // The sign-ups' bodies are sent only once the server is draining: they are in flight when it stops taking connections.
  expect(await waitFor(async () => server!.output().includes("SIGTERM received"), 30)).toBe(true);
  for (const write of writes) write.finish();

  const answers = await Promise.all(reads.map((request) => request.answer));
  expect(answers.map((answer) => answer.status)).toEqual(reads.map(() => 200));
  expect((await Promise.all(writes.map((request) => request.answer))).map((answer) => answer.status)).toEqual(writes.map(() => 302));
  expect(await exited).toBe(0);
  expect(server.output()).toContain("Stopped.");
  const saved = await prisma.user.findMany({ where: { email: { in: emails } }, select: { email: true }, orderBy: { email: "asc" } });
  expect(saved.map((user) => user.email)).toEqual(emails);
}, 240_000);

test("with WEB_CONCURRENCY=1 the one server process has its heap bounded, and one that dies is replaced", async () => {
  const folder = makeDataFolder("ortaq-one-process-");
  removeFolder = folder.remove;
  server = await startServerProcess({
    ...ONE_PRODUCTION_PROCESS,
    SERVER_HEAP_MB: "200",
    DATABASE_URL: process.env.DATABASE_URL!,
    EVIDENCE_DIR: path.join(folder.dir, "evidence"),
  });
  expect(server.output()).toContain("(1 server process)");
  const first = (await fetch(`${server.url}/healthz`)).headers.get("x-server-process");
  expect(first).toBe("1");
  const { pid } = server.started().find((entry) => entry.id === first)!;
  expect(pid).not.toBe(server.child.pid);
  // Linux lists a process's command line, NUL between its arguments.
  expect(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")).toContain("--max-old-space-size=200");

  process.kill(pid, "SIGKILL");
  expect(
    await waitFor(async () => server!.output().includes(`Server process 1 (pid ${pid}) stopped (SIGKILL); starting another`), 30),
  ).toBe(true);
  expect(
    await waitFor(async () => {
      const answer = await fetch(`${server!.url}/healthz`).catch(() => null);
      return answer?.status === 200 && answer.headers.get("x-server-process") === "2";
    }, 60),
  ).toBe(true);
}, 240_000);
