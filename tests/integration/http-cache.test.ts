// Needs no database.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { httpCache } from "~/utils/http-cache.server";
import { PageCache } from "~/utils/page-cache.server";

// The server's own middleware order (compression, a fresh CSP nonce per response, then httpCache),
// with a handler that answers as Remix does: headers flushed first, the body streamed. Each
// rendering of the app that keeps pages is numbered, so a kept page is told apart from a new one.
async function startApp(pages?: PageCache) {
  let renders = 0;
  const app = express();
  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce}'`);
    next();
  });
  app.use(httpCache({ pages }));
  app.get("*", (req, res) => {
    renders++;
    const signedIn = (req.headers.cookie ?? "").includes("ortaq_session=");
    if (req.query.notice) res.setHeader("Set-Cookie", "ortaq_notice=hello; Path=/");
    res.status(200).setHeader("Content-Type", "text/html; charset=utf-8");
    res.flushHeaders();
    res.write(`<html><script nonce="${res.locals.cspNonce}"></script><body>`);
    res.write(signedIn ? "<p>Your dashboard, Aigerim</p>" : `<p>${"Public page ".repeat(200)}${req.path}</p>`);
    res.end(`${pages ? `<p>rendering ${renders} in ${req.headers["accept-language"] ?? "?"}</p>` : ""}</body></html>`);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

let base = "";
let cachedBase = "";
const pages = new PageCache({ maxAgeMs: 60_000, maxBytes: 8 * 1024 * 1024 }, { listening: true });
const closers: (() => unknown)[] = [];
beforeAll(async () => {
  const plain = await startApp();
  const cached = await startApp(pages);
  base = plain.base;
  cachedBase = cached.base;
  closers.push(plain.close, cached.close);
});
afterAll(() => closers.forEach((close) => close()));

test("an anonymous public page carries an ETag that stays the same across responses, and a matching If-None-Match gets 304 with no body", async () => {
  const first = await fetch(`${base}/forum`, { headers: { "Accept-Encoding": "gzip" } });
  expect(first.status).toBe(200);
  expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  expect(first.headers.get("vary")).toContain("Cookie");
  const etag = first.headers.get("etag")!;
  expect(etag).toMatch(/^(W\/)?"/);
  expect(await first.text()).toContain("Public page");
  const again = await fetch(`${base}/forum`, { headers: { "If-None-Match": etag, "Accept-Encoding": "gzip" } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");
  // The 304 leaves the browser's own copy and its CSP (with that copy's nonce) in place.
  expect(again.headers.get("content-security-policy")).toBeNull();
  const other = await fetch(`${base}/forum/finance-and-funding`, { headers: { "If-None-Match": etag } });
  expect(other.status).toBe(200);
});

test("a logged-in request is never cached publicly, even for a public page and a matching ETag", async () => {
  const anonymous = await fetch(`${base}/`);
  const etag = anonymous.headers.get("etag")!;
  const signedIn = await fetch(`${base}/`, { headers: { Cookie: "ortaq_lang=ru; ortaq_session=abc", "If-None-Match": etag } });
  expect(signedIn.status).toBe(200);
  expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
  expect(signedIn.headers.get("etag")).toBeNull();
  expect(await signedIn.text()).toContain("Your dashboard");
});

test("a response that sets a cookie, and personal pages of anonymous visitors, are not cached publicly", async () => {
  const withNotice = await fetch(`${base}/ratings?notice=1`);
  expect(withNotice.headers.get("cache-control")).toBe("private, no-store");
  expect(withNotice.headers.get("etag")).toBeNull();
  const dashboard = await fetch(`${base}/dashboard`);
  expect(dashboard.headers.get("cache-control") ?? "").not.toContain("public");
  expect(dashboard.headers.get("etag")).toBeNull();
});

const rendering = (body: string) => /rendering (\d+)/.exec(body)?.[1];
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("pages kept for anonymous readers", () => {
  test("a second anonymous reader gets the kept page, with a nonce of its own that its CSP names, and the same ETag", async () => {
    const first = await fetch(`${cachedBase}/sector`, { headers: { "Accept-Language": "en" } });
    const firstBody = await first.text();
    expect(first.headers.get("x-page-cache")).toBe("miss");
    const second = await fetch(`${cachedBase}/sector`, { headers: { "Accept-Language": "en" } });
    const secondBody = await second.text();
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(rendering(secondBody)).toBe(rendering(firstBody));
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    const nonce = nonceOf(second)!;
    expect(nonce).not.toBe(nonceOf(first));
    expect(secondBody).toContain(`<script nonce="${nonce}">`);
    expect(secondBody).not.toContain(nonceOf(first)!);
    const revalidated = await fetch(`${cachedBase}/sector`, {
      headers: { "Accept-Language": "en", "If-None-Match": first.headers.get("etag")! },
    });
    expect(revalidated.status).toBe(304);
  });

  test("each language has its own kept page", async () => {
    const english = await (await fetch(`${cachedBase}/methodology`, { headers: { "Accept-Language": "en" } })).text();
    const russian = await fetch(`${cachedBase}/methodology`, { headers: { "Accept-Language": "ru" } });
    expect(russian.headers.get("x-page-cache")).toBe("miss");
    expect(await russian.text()).toContain("in ru");
    expect(english).toContain("in en");
  });

  test("a signed-in reader's page is never kept nor served to anyone, and a signed-in reader never gets a kept page", async () => {
    const signedIn = await fetch(`${cachedBase}/forum`, { headers: { Cookie: "ortaq_session=abc" } });
    expect(signedIn.headers.get("x-page-cache")).toBeNull();
    expect(await signedIn.text()).toContain("Your dashboard");
    const anonymous = await fetch(`${cachedBase}/forum`);
    expect(anonymous.headers.get("x-page-cache")).toBe("miss");
    expect(await anonymous.text()).not.toContain("Your dashboard");
    const again = await fetch(`${cachedBase}/forum`, { headers: { Cookie: "ortaq_session=abc" } });
    expect(await again.text()).toContain("Your dashboard");
  });

  test("a page that sets a cookie is not kept, and a change to the data drops every kept page", async () => {
    const withNotice = async () => rendering(await (await fetch(`${cachedBase}/ratings?notice=1`)).text());
    expect(await withNotice()).not.toBe(await withNotice());
    const first = rendering(await (await fetch(`${cachedBase}/ratings`)).text());
    expect(rendering(await (await fetch(`${cachedBase}/ratings`)).text())).toBe(first);
    pages.invalidate();
    const after = await fetch(`${cachedBase}/ratings`);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    expect(rendering(await after.text())).not.toBe(first);
  });
});
