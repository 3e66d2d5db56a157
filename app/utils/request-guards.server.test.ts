import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as login from "~/routes/login";
import * as language from "~/routes/language";
import { crossSiteRefusal, guardFormBodies, guardRoutes, refuseCrossSiteRequests } from "~/utils/request-guards.server";
import type { ServerBuild } from "@remix-run/node";

describe("the origin check before Remix", () => {
  const logged: string[] = [];
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    const app = express();
    app.use(refuseCrossSiteRequests((line) => logged.push(line)));
    app.all("*", (_req, res) => {
      res.status(200).send("reached the app");
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (method: string, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port, method, path, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } },
        (response) => {
          let body = "";
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on("error", reject);
      request.end(method === "POST" ? "language=ru" : undefined);
    });

  test("refuses a POST from another site to a resource route with 403 and one log line, never reaching the app", async () => {
    logged.length = 0;
    for (const path of ["/logout", "/language"]) {
      const refused = await send("POST", path, { Host: `127.0.0.1:${port}`, Origin: "https://evil.example" });
      expect(refused.status).toBe(403);
      expect(refused.body).not.toContain("reached the app");
    }
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/^403 cross-site POST \/logout refused: origin https:\/\/evil\.example/);
    expect(logged.join("\n")).not.toMatch(/\n\s+at /);
  });

  test("reads the Referer when a browser sends no Origin, and refuses an opaque origin", async () => {
    expect((await send("POST", "/logout", { Host: `127.0.0.1:${port}`, Referer: "https://evil.example/page" })).status).toBe(403);
    expect((await send("POST", "/logout", { Host: `127.0.0.1:${port}`, Origin: "null" })).status).toBe(403);
    expect((await send("POST", "/logout", { Host: `127.0.0.1:${port}`, Referer: `http://127.0.0.1:${port}/dashboard` })).status).toBe(200);
  });

  test("lets this site's own forms, reads and Stripe's signed webhook through", async () => {
    expect((await send("POST", "/language", { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await send("GET", "/", { Host: `127.0.0.1:${port}`, Origin: "https://evil.example" })).status).toBe(200);
    expect((await send("OPTIONS", "/api/v1/enterprises", { Host: `127.0.0.1:${port}`, Origin: "https://evil.example" })).status).toBe(200);
    expect((await send("POST", "/webhooks/stripe", { Host: `127.0.0.1:${port}`, Origin: "https://evil.example" })).status).toBe(200);
  });

  test("compares with the host a proxy forwarded, as Remix does", () => {
    const base = { method: "POST", path: "/login", host: "127.0.0.1:3000" };
    expect(crossSiteRefusal({ ...base, origin: "https://ortaq.example", forwardedHost: "ortaq.example" })).toBeNull();
    expect(crossSiteRefusal({ ...base, origin: "https://ortaq.example" })).toBe("origin https://ortaq.example");
    expect(crossSiteRefusal({ ...base, origin: "not a url" })).toBe("origin not a url");
    expect(crossSiteRefusal({ ...base })).toBeNull();
  });
});

describe("form bodies", () => {
  const build = guardFormBodies({
    routes: {
      "routes/login": { id: "routes/login", path: "login", module: login },
      "routes/language": { id: "routes/language", path: "language", module: language },
    },
  } as unknown as ServerBuild);
  const callAction = async (id: string, request: Request) => {
    try {
      return (await build.routes[id]!.module.action!({ request, params: {}, context: { clientAddress: "203.0.113.9" } })) as Response;
    } catch (thrown) {
      return thrown as Response;
    }
  };

  test("a form POST sent as JSON answers 415, not 500", async () => {
    const outcome = await callAction(
      "routes/login",
      new Request("http://localhost/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "a@b.org" }),
      }),
    );
    expect(outcome).toBeInstanceOf(Response);
    expect(outcome.status).toBe(415);
  });

  test("a broken multipart body answers 400, not 500", async () => {
    const outcome = await callAction(
      "routes/language",
      new Request("http://localhost/language", {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
        body: '--xyz\r\nContent-Disposition: form-data; name="language"\r\n\r\nru\r\n--not-the-boundary',
      }),
    );
    expect(outcome).toBeInstanceOf(Response);
    expect(outcome.status).toBe(400);
  });

  test("a well-formed form still reaches the action", async () => {
    const outcome = await callAction(
      "routes/language",
      new Request("http://localhost/language", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "language=ru&redirectTo=/forum",
      }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/forum");
  });
});

describe("page headers", () => {
  test("a page passes on the Retry-After of its action's 429, which Remix would otherwise drop", () => {
    const build = guardRoutes({
      routes: { "routes/login": { id: "routes/login", path: "login", module: login } },
    } as unknown as ServerBuild);
    const headersOf = build.routes["routes/login"]!.module.headers as (args: Record<string, Headers | undefined>) => Headers;
    const passed = headersOf({
      actionHeaders: new Headers({ "Retry-After": "8" }),
      loaderHeaders: new Headers(),
      parentHeaders: new Headers(),
      errorHeaders: undefined,
    });
    expect(passed.get("Retry-After")).toBe("8");
    expect(
      headersOf({ actionHeaders: new Headers(), loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined }).get(
        "Retry-After",
      ),
    ).toBeNull();
  });
});
