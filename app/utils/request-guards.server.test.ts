import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as login from "~/routes/login";
import * as language from "~/routes/language";
import {
  answerClientErrors,
  crossSiteRefusal,
  defaultRetryAfter,
  discardUnreadBodies,
  guardFormBodies,
  guardRoutes,
  refuseCrossSiteRequests,
} from "~/utils/request-guards.server";
import type { ServerBuild } from "@remix-run/node";
import { statusesOnOneConnection } from "../../tests/helpers/raw-http";

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

describe("the origin check when PUBLIC_URL is set", () => {
  const publicOrigin = "https://ortaq.example.org";
  const base = { method: "POST", path: "/login", publicOrigin };

  test("a form must come from the public address, whatever Host or X-Forwarded-Host the request carries", () => {
    // A client chooses Host: naming the attacker's site there must not make its pages count as this site.
    expect(crossSiteRefusal({ ...base, host: "evil.example", origin: "https://evil.example" })).toBe("origin https://evil.example");
    expect(crossSiteRefusal({ ...base, host: "127.0.0.1:3000", forwardedHost: "evil.example", origin: "https://evil.example" })).toBe(
      "origin https://evil.example",
    );
    expect(crossSiteRefusal({ ...base, host: "127.0.0.1:3000", referer: "https://evil.example/form" })).toBe(
      "referer https://evil.example/form",
    );
  });

  test("the scheme and port count: the same host over plain HTTP or on another port is another site", () => {
    expect(crossSiteRefusal({ ...base, host: "ortaq.example.org", origin: "http://ortaq.example.org" })).not.toBeNull();
    expect(crossSiteRefusal({ ...base, host: "ortaq.example.org", origin: "https://ortaq.example.org:8443" })).not.toBeNull();
    expect(crossSiteRefusal({ ...base, host: "ortaq.example.org", origin: "null" })).not.toBeNull();
  });

  test("behind the documented proxies (Host passed on, or only 127.0.0.1 seen) the site's own forms go through", () => {
    // nginx with `proxy_set_header Host $host`, and Caddy, pass the public host on.
    expect(crossSiteRefusal({ ...base, host: "ortaq.example.org", origin: "https://ortaq.example.org" })).toBeNull();
    // A proxy that passes its upstream's address as Host: the public address alone decides.
    expect(crossSiteRefusal({ ...base, host: "127.0.0.1:3000", origin: "https://ortaq.example.org" })).toBeNull();
    expect(crossSiteRefusal({ ...base, host: "127.0.0.1:3000", origin: "https://ORTAQ.example.org" })).toBeNull();
    expect(crossSiteRefusal({ ...base, host: "127.0.0.1:3000", referer: "https://ortaq.example.org/login?redirectTo=%2F" })).toBeNull();
    expect(crossSiteRefusal({ ...base, host: "127.0.0.1:3000" })).toBeNull();
  });

  test("the middleware reads PUBLIC_URL: a request to the app's own host from that host is refused when the public address differs", async () => {
    const logged: string[] = [];
    const middleware = refuseCrossSiteRequests((line) => logged.push(line), { publicUrl: "https://ortaq.example.org" });
    const outcome = (headers: Record<string, string>) => {
      let status = 0;
      let passed = false;
      const res = {
        status(code: number) {
          status = code;
          return res;
        },
        type: () => res,
        send: () => undefined,
      };
      middleware({ method: "POST", path: "/logout", get: (name: string) => headers[name.toLowerCase()] }, res, () => (passed = true));
      return passed ? "passed" : status;
    };
    expect(outcome({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBe(403);
    expect(outcome({ host: "ortaq.example.org", origin: "https://ortaq.example.org" })).toBe("passed");
    expect(logged).toEqual(["403 cross-site POST /logout refused: origin http://127.0.0.1:3000 is not this site"]);
  });
});

describe("errors passed on by a handler", () => {
  test("one with a 4xx status is answered with it and its headers; any other, or one after the answer began, goes on to Express", () => {
    const handle = answerClientErrors();
    const outcome = (error: unknown, headersSent = false) => {
      const answer = { status: 0, headers: {} as Record<string, string>, body: "", passedOn: false };
      const res = {
        headersSent,
        status(code: number) {
          answer.status = code;
          return res;
        },
        type: () => res,
        setHeader: (name: string, value: string) => (answer.headers[name] = value),
        send: (body: string) => (answer.body = body),
      };
      handle(error, {}, res, () => (answer.passedOn = true));
      return answer;
    };
    const tooFar = Object.assign(new Error("Range Not Satisfiable"), { status: 416, headers: { "Content-Range": "bytes */15086" } });
    expect(outcome(tooFar)).toEqual({
      status: 416,
      headers: { "Content-Range": "bytes */15086" },
      body: "416: Range Not Satisfiable",
      passedOn: false,
    });
    expect(outcome(Object.assign(new Error("broken"), { status: 500 })).passedOn).toBe(true);
    expect(outcome(new Error("no status")).passedOn).toBe(true);
    expect(outcome("not an error").passedOn).toBe(true);
    expect(outcome(tooFar, true).passedOn).toBe(true);
  });
});

describe("bodies answered before they were read through", () => {
  // A handler that, like Remix's, begins to read the body, then answers without reading the rest.
  const serve = (limit: number) => {
    const app = express();
    app.use(discardUnreadBodies(limit));
    app.post("/early", (req, res) =>
      req.once("data", () => {
        req.pause();
        res.status(404).send("not here");
      }),
    );
    app.get("/next", (_req, res) => void res.send("next"));
    return app.listen(0, "127.0.0.1");
  };
  /** The statuses answered on one connection to a POST of `size` bytes followed by a GET. */
  const statuses = (server: http.Server, size: number) =>
    statusesOnOneConnection(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, [
      `POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: ${size}\r\n\r\n`,
      Buffer.alloc(size, "a"),
      "GET /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ]);

  test("the rest is read and thrown away, so the connection answers its next request; past the limit it is closed", async () => {
    const roomy = serve(8_000_000);
    const tight = serve(1_000_000);
    try {
      await Promise.all([roomy, tight].map((server) => new Promise((resolve) => server.once("listening", resolve))));
      expect(await statuses(roomy, 4_000_000)).toEqual(["404", "200"]);
      expect(await statuses(tight, 4_000_000)).toEqual(["404"]);
    } finally {
      roomy.close();
      tight.close();
    }
  });
});

describe("Retry-After on every refusal that asks to wait", () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    const app = express();
    app.use(defaultRetryAfter({ unavailableSeconds: 5, tooManySeconds: 60 }));
    app.get("/limited", (_req, res) => void res.status(429).send("slow down"));
    app.get("/limited-with-own-wait", (_req, res) => void res.status(429).set("Retry-After", "17").send("slow down"));
    app.get("/away", (_req, res) => void res.status(503).send("away"));
    app.get("/fine", (_req, res) => void res.status(200).send("fine"));
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const retryAfterOf = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).headers.get("Retry-After");

  test("a 429 or 503 without one gets the default; a route's own wait is kept; other answers get none", async () => {
    expect(await retryAfterOf("/limited")).toBe("60");
    expect(await retryAfterOf("/limited-with-own-wait")).toBe("17");
    expect(await retryAfterOf("/away")).toBe("5");
    expect(await retryAfterOf("/fine")).toBeNull();
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
