import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, expect, test } from "vitest";
import { httpCache } from "~/utils/http-cache.server";

// The server's own middleware order (compression, then httpCache, then a fresh CSP nonce per
// response), with a handler that answers as Remix does: headers flushed first, the body streamed.
let base = "";
let close = () => {};
beforeAll(async () => {
  const app = express();
  app.use(compression());
  app.use(httpCache());
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce}'`);
    next();
  });
  app.get("*", (req, res) => {
    const signedIn = (req.headers.cookie ?? "").includes("ortaq_session=");
    if (req.query.notice) res.setHeader("Set-Cookie", "ortaq_notice=hello; Path=/");
    res.status(200).setHeader("Content-Type", "text/html; charset=utf-8");
    res.flushHeaders();
    res.write(`<html><script nonce="${res.locals.cspNonce}"></script><body>`);
    res.write(signedIn ? "<p>Your dashboard, Aigerim</p>" : `<p>${"Public page ".repeat(200)}${req.path}</p>`);
    res.end("</body></html>");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

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
