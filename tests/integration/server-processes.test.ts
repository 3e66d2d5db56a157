import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { editPost, toggleHelpful } from "~/models/forum.server";
import { prisma } from "~/utils/db.server";
import { seedIfEmpty } from "../../prisma/seed";
import { validEnterpriseFields } from "../helpers/enterprise";
import { createTestCategory, createTestReply, createTestThread } from "../helpers/forum";
import { statusesOnOneConnection } from "../helpers/raw-http";
import { createTestUser } from "../helpers/routes";
import { makeDataFolder, signedUpSession, startServerProcess, waitFor, type ServerProcess } from "../helpers/server-process";

// The production server as `npm start` runs it, with two server processes on one port, on this
// file's own database. Timeouts guard against a hung process on a shared machine; none is a speed check.

let server: ServerProcess;
let removeFolder: () => void;
beforeAll(async () => {
  // The demo data: rated enterprises for the directory's pages.
  await seedIfEmpty(prisma);
  const folder = makeDataFolder("ortaq-processes-");
  removeFolder = folder.remove;
  server = await startServerProcess({
    NODE_ENV: "production",
    WEB_CONCURRENCY: "2",
    // Long enough that only a change to the data can explain a page being rendered again.
    PAGE_CACHE_SECONDS: "3600",
    DATABASE_URL: process.env.DATABASE_URL!,
    EVIDENCE_DIR: path.join(folder.dir, "evidence"),
  });
}, 600_000);
afterAll(async () => {
  // SIGTERM: both processes finish what they serve, then the server exits cleanly.
  expect(await server.stop()).toBe(0);
  removeFolder();
}, 120_000);

interface Answer {
  status: number;
  process: string | undefined;
  cache: string | undefined;
  body: string;
}

/** A request on a connection of its own (so each may go to either process), as an anonymous English reader. */
function get(pathName: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      new URL(pathName, server.url),
      { agent: false, headers: { "Accept-Language": "en", ...headers } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            process: response.headers["x-server-process"] as string | undefined,
            cache: response.headers["x-page-cache"] as string | undefined,
            body,
          }),
        );
      },
    );
    request.on("error", reject);
    // A connection handed to a process at the moment it dies is never answered (node:cluster).
    request.setTimeout(10_000, () => request.destroy(new Error(`no answer to ${pathName}`)));
  });
}

async function publishedEnterprise(name: string) {
  return prisma.enterprise.create({
    data: {
      ...validEnterpriseFields(),
      name,
      slug: `processes-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      status: "published",
    },
  });
}

test("two server processes answer on one port, and share the requests between them", async () => {
  expect(server.output()).toContain("(2 server processes)");
  const answered = await Promise.all(Array.from({ length: 20 }, () => get("/healthz")));
  expect(answered.every((answer) => answer.status === 200)).toBe(true);
  // Two processes (numbered from 1; a replaced one gets the next number).
  const processes = new Set(answered.map((answer) => answer.process));
  expect(processes.size).toBe(2);
  expect([...processes].every((id) => /^\d+$/.test(id ?? ""))).toBe(true);
});

test("each server process's JavaScript heap is bounded, by 256 MB when SERVER_HEAP_MB is not set, its WebAssembly is compiled once, and its C library keeps two memory arenas", () => {
  expect(process.env.SERVER_HEAP_MB).toBeUndefined();
  // The processes running now (one may be a replacement of a process another test killed).
  const pids = server
    .started()
    .map((started) => started.pid)
    .filter((pid) => existsSync(`/proc/${pid}`));
  expect(pids.length).toBe(2);
  for (const pid of pids) {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    expect(commandLine).toContain("--max-old-space-size=256");
    // V8's optimising compiler left out for WebAssembly: its work memory stayed in the process (decision 032).
    expect(commandLine).toContain("--liftoff-only");
    // Two memory arenas of the C library, where freed memory of V8's threads otherwise stays (decision 032).
    expect(readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")).toContain("MALLOC_ARENA_MAX=2");
  }
});

test("a page kept by both processes is rendered again in both as soon as the data it shows changes", { timeout: 180_000 }, async () => {
  const count = (body: string) => /(\d+) enterprises? (?:has a published profile|have published profiles)/.exec(body)?.[1];
  // Both processes keep the home page (each once it listens for changes, moments after it starts).
  const before = count((await get("/")).body);
  expect(before).toBeDefined();
  const keptBy = new Set<string | undefined>();
  const bothKeep = await waitFor(async () => {
    const answer = await get("/");
    expect(count(answer.body)).toBe(before);
    if (answer.cache === "hit") keptBy.add(answer.process);
    return keptBy.size === 2;
  }, 90);
  expect(bothKeep).toBe(true);

  await publishedEnterprise("Ertis Solar Cooperative");
  const after = String(Number(before) + 1);
  // The notice of the change reaches each process when the change commits: within moments, not the hour the pages are kept.
  expect(await waitFor(async () => (await Promise.all([get("/"), get("/")])).every((answer) => count(answer.body) === after), 10)).toBe(
    true,
  );
  const answers = await Promise.all(Array.from({ length: 10 }, () => get("/")));
  expect(answers.map((answer) => count(answer.body))).toEqual(Array(10).fill(after));
  expect(new Set(answers.map((answer) => answer.process)).size).toBe(2);
});

test(
  "the learning library, the legal guides and the mentors are kept for anonymous readers too, and an article follows its change",
  { timeout: 180_000 },
  async () => {
    const version = await prisma.learningResourceVersion.findFirstOrThrow({
      where: { language: "en" },
      select: { id: true, title: true, resource: { select: { slug: true } } },
    });
    const article = `/learn/${version.resource.slug}`;
    for (const page of ["/learn", article, "/legal", "/legal/kz", "/mentors"]) {
      const first = await get(page);
      expect(first.status, page).toBe(200);
      expect(first.cache, page).toBeDefined();
      // Each process keeps its own copy: within a few answers one comes from memory.
      expect(await waitFor(async () => (await get(page)).cache === "hit", 10), page).toBe(true);
    }
    expect((await get(article)).body).toContain(version.title);
    const title = `${version.title} (revised ${Date.now()})`;
    await prisma.learningResourceVersion.update({ where: { id: version.id }, data: { title } });
    expect(
      await waitFor(async () => (await Promise.all([get(article), get(article)])).every((answer) => answer.body.includes(title)), 10),
    ).toBe(true);
  },
);

test("the icons and the sharing image are served as files for an hour, the app's assets for a year, and pages by the app", async () => {
  for (const [file, type] of [
    ["/favicon.ico", /^image\//],
    ["/favicon.svg", /^image\/svg\+xml/],
    ["/og-image.png", /^image\/png/],
  ] as const) {
    const response = await fetch(`${server.url}${file}`);
    expect(response.status, file).toBe(200);
    expect(response.headers.get("Content-Type"), file).toMatch(type);
    expect(response.headers.get("Cache-Control"), file).toBe("public, max-age=3600");
  }
  const page = await fetch(`${server.url}/ratings`, { headers: { "Accept-Language": "en" } });
  const asset = /\/assets\/[\w.-]+\.js/.exec(await page.text())?.[0];
  expect(asset).toBeDefined();
  const script = await fetch(`${server.url}${asset}`);
  expect(script.status).toBe(200);
  expect(script.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  const missing = await fetch(`${server.url}/no-such-file.png`, { headers: { "Accept-Language": "en" } });
  expect(missing.status).toBe(404);
  expect(missing.headers.get("Content-Type")).toMatch(/^text\/html/);
});

test("a signed-in reader's page is never kept for anyone, nor is a kept page served to a signed-in reader", async () => {
  const email = `reader-${Date.now()}@processes.test`;
  const signUp = await fetch(`${server.url}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Accept-Language": "en" },
    body: new URLSearchParams({
      email,
      password: "Tundra-Violet-Quasar-8842",
      displayName: "Saule Processreader",
      language: "en",
      role: "funder",
    }),
  });
  expect(signUp.status).toBe(302);
  const session = signUp.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith("ortaq_session="))!
    .split(";")[0]!;
  for (let i = 0; i < 4; i++) {
    const personal = await get("/ratings", { Cookie: session });
    expect(personal.cache).toBeUndefined();
    expect(personal.body).toContain("Saule Processreader");
    const anonymous = await get("/ratings");
    expect(anonymous.body).not.toContain("Saule Processreader");
  }
});

/** What the server logs while `act` runs and half a second after (its processes' output comes through pipes). */
async function loggedDuring(act: () => Promise<void>): Promise<string> {
  const from = server.output().length;
  await act();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return server.output().slice(from);
}

/** Asks for a page on a connection of its own and closes the connection `ms` milliseconds later, whatever has come. */
function leaveAfter(pathName: string, cookie: string, ms: number): Promise<void> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `GET ${pathName} HTTP/1.1\r\nHost: ${hostname}\r\nAccept-Language: en\r\nAccept-Encoding: gzip\r\nCookie: ${cookie}\r\n\r\n`,
      );
      setTimeout(() => socket.destroy(), ms);
    });
    socket.on("close", () => resolve());
    socket.on("error", () => undefined);
  });
}

test("readers who go away while their page is rendered and sent leave no error in the log", async () => {
  const session = await signedUpSession(server.url, `leaver-${Date.now()}@processes.test`, "Leaving Reader");
  const logged = await loggedDuring(async () => {
    // Closed after 0 to 69 ms: some while the page is read from the database, some while it is rendered and sent.
    for (let i = 0; i < 24; i++) await leaveAfter("/ratings", session, i * 3);
    const page = await get("/ratings", { Cookie: session });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Leaving Reader");
  });
  // No error and no stack trace of one.
  expect(logged).not.toMatch(/Error\b|^\s+at /m);
});

test("an address with a malformed escape in its path is answered 400 with a message, page or file alike, and logs nothing", async () => {
  const logged = await loggedDuring(async () => {
    for (const pathName of ["/legal/%E0%A4%A", "/forum/threads/100%", "/assets/%E0%A4%A.js", "/%"]) {
      const answer = await get(pathName);
      expect(answer.status, pathName).toBe(400);
      expect(answer.body).toContain("malformed");
    }
    // The same address with a well-formed escape is a page as before.
    expect((await get("/legal/%D0%B6")).status).toBe(404);
  });
  expect(logged).toBe("");
});

test("a file asked for from past its end gets 416 with the file's length, a part of it 206, and nothing is logged", async () => {
  const logged = await loggedDuring(async () => {
    for (const pathName of ["/favicon.ico", "/og-image.png"]) {
      const past = await fetch(new URL(pathName, server.url), { headers: { Range: "bytes=99999999-" } });
      expect(past.status, pathName).toBe(416);
      expect(past.headers.get("Content-Range"), pathName).toMatch(/^bytes \*\/\d+$/);
      expect(await past.text()).toContain("Range Not Satisfiable");
      const part = await fetch(new URL(pathName, server.url), { headers: { Range: "bytes=0-9" } });
      expect(part.status, pathName).toBe(206);
      expect((await part.arrayBuffer()).byteLength).toBe(10);
    }
  });
  expect(logged).toBe("");
});

test("an address with Remix's old _data parameter gets 400 and logs nothing; the page and its .data address answer as before", async () => {
  const logged = await loggedDuring(async () => {
    for (const pathName of [
      "/forum?_data=root",
      "/forum?_data=routes%2Fforum",
      "/forum?_data=routes%2Fnope",
      "/ratings?country=KZ&_data",
    ]) {
      const answer = await get(pathName);
      expect(answer.status, pathName).toBe(400);
      expect(answer.body).toContain("_data");
    }
    expect((await get("/forum")).status).toBe(200);
    expect((await get("/forum.data")).status).toBe(200);
  });
  expect(logged).toBe("");
});

/** Sends a form of `size` bytes to `pathName`, then asks for /healthz on the same connection: the statuses answered on it. */
function postThenAskAgain(pathName: string, size: number): Promise<string[]> {
  const { host } = new URL(server.url);
  const head = `Host: ${host}\r\nOrigin: ${server.url}\r\nAccept-Language: en\r\n`;
  return statusesOnOneConnection(server.url, [
    `POST ${pathName} HTTP/1.1\r\n${head}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${size}\r\n\r\n`,
    Buffer.alloc(size, "a"),
    `GET /healthz HTTP/1.1\r\n${head}Connection: close\r\n\r\n`,
  ]);
}

test("a form answered before it was read through (no such page, signed out, no form taken) leaves its connection working", async () => {
  const logged = await loggedDuring(async () => {
    // Four megabytes: far more than is read before the answer.
    expect(await postThenAskAgain("/no-such-page", 4_000_000)).toEqual(["404", "200"]);
    expect(await postThenAskAgain("/forum/new", 4_000_000)).toEqual(["302", "200"]);
    expect(await postThenAskAgain("/ratings", 4_000_000)).toEqual(["405", "200"]);
  });
  expect(logged).toBe("");
});

test("a form posted to a page that takes none gets 405 and logs nothing", async () => {
  const logged = await loggedDuring(async () => {
    for (const pathName of ["/ratings", "/forum", "/methodology"]) {
      const answer = await fetch(new URL(pathName, server.url), {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
        body: "intent=anything",
      });
      expect(answer.status, pathName).toBe(405);
      await answer.arrayBuffer();
    }
  });
  expect(logged).toBe("");
});

test("the directory's filter fields, rendered once and kept for each set of filters, show each request its own", async () => {
  const reader = await createTestUser();
  const countryChosen = (body: string) => /<option value="([A-Z]{2})" selected="">/.exec(body)?.[1] ?? "all";
  // Each address twice in a row, several times: each process renders the fields for one and answers the next from what it kept.
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 2; j++) {
      const refused = (await get("/ratings?country=KZ&region=KZ-19&minScore=abc", { Cookie: reader.cookie })).body;
      expect(countryChosen(refused)).toBe("KZ");
      expect(refused).toContain('<option value="KZ-19" selected="">');
      expect(refused).toMatch(/<input id="f-minScore"[^>]*aria-invalid="true"[^>]*value="abc"\/>/);
      const other = (await get("/ratings?country=TJ&womenLed=true", { Cookie: reader.cookie })).body;
      expect(countryChosen(other)).toBe("TJ");
      expect(other).not.toContain('aria-invalid="true"');
      expect(other).toMatch(/<input type="checkbox" id="f-womenLed" name="womenLed" checked="" value="true"\/>/);
      const none = (await get("/ratings", { Cookie: reader.cookie })).body;
      expect(countryChosen(none)).toBe("all");
      expect(none).not.toContain('id="f-region"');
      expect(none).toMatch(/<input type="checkbox" id="f-womenLed" name="womenLed" value="true"\/>/);
    }
  }
});

test("the shortlist forms under the directory's rows, rendered once and kept for the page's rows and address, are each page's own", async () => {
  const reader = await createTestUser({ roles: ["funder"] });
  const found = (body: string, pattern: RegExp) => [...body.matchAll(pattern)].map((match) => match[1]!);
  // The first two show the same rows (every score is at least 0) under different addresses.
  const pages = ["/ratings?sort=name", "/ratings?sort=name&minScore=0", "/ratings?country=KZ&sort=name"];
  const query = (address: string) => [...new URL(address.replaceAll("&amp;", "&"), server.url).searchParams].sort();
  // Each address twice in a row, several times: each process renders the forms for one and answers the next from what it kept.
  for (let i = 0; i < 3; i++) {
    for (const address of pages) {
      for (let j = 0; j < 2; j++) {
        const { body } = await get(address, { Cookie: reader.cookie });
        const rows = found(body, /<select form="shortlist-add-([\w-]+)"/g).sort();
        expect(rows.length).toBeGreaterThan(0);
        expect(found(body, /<form method="post" action="\/shortlists" id="shortlist-add-([\w-]+)"/g).sort()).toEqual(rows);
        // Where each form sends the reader back: this page, wherever the forms were first rendered.
        const back = new Set(
          found(
            body,
            /id="shortlist-(?:add|remove)-[\w-]+"[^>]*>(?:<input type="hidden" name="(?:intent|enterprise)"[^>]*>)*<input type="hidden" name="redirectTo" value="([^"]*)"/g,
          ),
        );
        expect(back.size).toBe(1);
        expect(query([...back][0]!)).toEqual(query(address));
      }
    }
  }
});

test("a thread's posts, rendered once and kept for the props they show, show each reader their own rights and the latest counts", async () => {
  const author = await createTestUser({ displayName: "Aliya Keptauthor" });
  const replier = await createTestUser({ displayName: "Bolat Keptreplier" });
  const thread = await createTestThread({ userId: author.id, title: "Kept posts", body: "The first post's words." });
  const reply = await createTestReply({ userId: replier.id, threadId: thread.id, body: "The reply's words." });
  const page = `/forum/threads/${thread.id}?page=1`;
  const editLink = (postId: string, number: number) => `href="${page}&amp;edit=${postId}#post-${number}"`;
  const helpfulButton = (postId: string) =>
    new RegExp(`name="postId" value="${postId}"/><button type="submit" class="button-secondary" aria-pressed="false">Helpful`);
  // Two requests in a row for each reader, several times: the processes take connections in turn, so each
  // renders the posts for one reader and then answers the other from what it kept.
  for (let i = 0; i < 6; i++) {
    const asAuthor = (await get(page, { Cookie: author.cookie })).body;
    expect(asAuthor).toContain(editLink(thread.firstPostId, 1));
    expect(asAuthor).not.toContain(editLink(reply.id, 2));
    expect(asAuthor).toMatch(helpfulButton(reply.id));
    const asReplier = (await get(page, { Cookie: replier.cookie })).body;
    expect(asReplier).toContain(editLink(reply.id, 2));
    expect(asReplier).not.toContain(editLink(thread.firstPostId, 1));
    expect(asReplier).toMatch(helpfulButton(thread.firstPostId));
    if (i % 2 === 0) await get(page, { Cookie: author.cookie });
  }
  expect((await editPost({ userId: replier.id, postId: reply.id, body: "The reply's words, edited." })).error).toBeUndefined();
  expect((await toggleHelpful({ userId: replier.id, postId: thread.firstPostId })).error).toBeUndefined();
  for (let i = 0; i < 4; i++) {
    const asAuthor = (await get(page, { Cookie: author.cookie })).body;
    expect(asAuthor).toContain("<p>The reply's words, edited.</p>");
    expect(asAuthor).toContain("1 person found this helpful");
    const asReplier = (await get(page, { Cookie: replier.cookie })).body;
    expect(asReplier).toContain(`aria-pressed="true">Helpful<!-- --> <span class="count">1</span>`);
  }
});

test(
  "what a signed-in reader's forum pages show follows a change at once in both processes, though the figures are kept",
  { timeout: 180_000 },
  async () => {
    const reader = await createTestUser({ roles: ["funder"], displayName: "Dana Keptreader" });
    const author = await createTestUser({ displayName: "Arman Keptwriter" });
    const category = await createTestCategory("Kept figures");
    const word = `quinoa${Date.now().toString(36)}`;
    const title = `Irrigation for ${word} growers`;
    const pages = ["/forum", `/forum/${category.slug}`, `/forum/search?q=${word}`];
    const read = () => Promise.all(pages.map((page) => get(page, { Cookie: reader.cookie })));
    const showing = (text: string) => (answer: Answer) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain("Dana Keptreader");
      return answer.body.includes(text);
    };
    // Both processes have read (and kept) the forum's figures, the category's threads and the search before the thread exists.
    const before = (await Promise.all([read(), read(), read()])).flat();
    expect(before.some(showing(title))).toBe(false);
    expect(new Set(before.map((answer) => answer.process)).size).toBe(2);

    const thread = await createTestThread({
      userId: author.id,
      categoryId: category.id,
      title,
      body: `Drip lines for ${word} on small plots.`,
    });
    expect(await waitFor(async () => (await read()).every(showing(title)), 10)).toBe(true);
    const after = (await Promise.all(Array.from({ length: 4 }, read))).flat();
    expect(after.every(showing(title))).toBe(true);
    expect(new Set(after.map((answer) => answer.process)).size).toBe(2);

    // The thread's page, where a person is sent right after replying (so its posts are not kept: decision
    // 028): a reply, and a post hidden by a moderator, show at the very next request in both processes.
    const threadPage = () => Promise.all(Array.from({ length: 4 }, () => get(`/forum/threads/${thread.id}`, { Cookie: reader.cookie })));
    const opening = await threadPage();
    expect(opening.every(showing("Drip lines for"))).toBe(true);
    expect(new Set(opening.map((answer) => answer.process)).size).toBe(2);
    await createTestReply({ userId: author.id, threadId: thread.id, body: `Mulch keeps the ${word} roots cool.` });
    const replied = await threadPage();
    expect(replied.every(showing("Mulch keeps the"))).toBe(true);
    expect(new Set(replied.map((answer) => answer.process)).size).toBe(2);
    await prisma.forumPost.update({ where: { id: thread.firstPostId }, data: { hiddenAt: new Date(), hiddenReason: "Off topic" } });
    const hidden = await threadPage();
    expect(hidden.some(showing("Drip lines for"))).toBe(false);
    expect(hidden.every(showing("Mulch keeps the"))).toBe(true);

    // The category's page names the thread's author (the forum's people, kept too): a new name shows at once.
    const categoryPage = () => get(`/forum/${category.slug}`, { Cookie: reader.cookie });
    expect(showing("Arman Keptwriter")(await categoryPage())).toBe(true);
    await prisma.user.update({ where: { id: author.id }, data: { displayName: "Arman Renamedwriter" } });
    expect(await waitFor(async () => (await Promise.all([categoryPage(), categoryPage()])).every(showing("Arman Renamedwriter")), 10)).toBe(
      true,
    );
    const renamed = await Promise.all(Array.from({ length: 6 }, categoryPage));
    expect(renamed.every(showing("Arman Renamedwriter"))).toBe(true);
    expect(renamed.some(showing("Arman Keptwriter"))).toBe(false);
  },
);

test("a server process that dies is replaced, and the others answer meanwhile", { timeout: 300_000 }, async () => {
  const before = server.started();
  expect(before.length).toBeGreaterThanOrEqual(2);
  const killed = before[before.length - 1]!;
  process.kill(killed.pid, "SIGKILL");
  expect(await waitFor(async () => (await get("/healthz")).status === 200, 30)).toBe(true);
  const replaced = new RegExp(`Server process ${killed.id} \\(pid ${killed.pid}\\) stopped \\(SIGKILL\\); starting another`);
  expect(await waitFor(async () => replaced.test(server.output()), 30)).toBe(true);
  // The new process (the next number) answers too.
  const newest = () => server.started().at(-1)!.id;
  expect(await waitFor(async () => newest() !== killed.id, 30)).toBe(true);
  expect(
    await waitFor(
      async () => (await Promise.all(Array.from({ length: 6 }, () => get("/healthz")))).some((answer) => answer.process === newest()),
      240,
    ),
  ).toBe(true);
});
