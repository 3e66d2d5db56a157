// Needs no database.
// The server's route matching keeps what it works out from the routes (patches/, decision 034): each
// pattern is compiled once, the ranked branches and each path's matches are kept per routes array, and
// each request is rendered with the same route objects. These tests hold it to matching exactly as
// before, routes added at run time included.
import { createRequire } from "node:module";
import {
  createMemoryHistory,
  createRouter,
  createStaticHandler,
  matchPath,
  matchRoutes,
  type AgnosticDataRouteObject,
} from "@remix-run/router";
import { afterEach, expect, test } from "vitest";

// What the production server loads: Remix's server code requires React Router's CommonJS build.
const { createStaticRouter } = createRequire(import.meta.url)("react-router-dom/server") as typeof import("react-router-dom/server");

const OriginalRegExp = globalThis.RegExp;
afterEach(() => {
  globalThis.RegExp = OriginalRegExp;
});

/** Counts the regular expressions made while `run` runs. */
function regExpsMadeBy(run: () => void) {
  let made = 0;
  globalThis.RegExp = new Proxy(OriginalRegExp, {
    construct(target, args: [string, string?]) {
      made++;
      return new target(...args);
    },
  });
  try {
    run();
  } finally {
    globalThis.RegExp = OriginalRegExp;
  }
  return made;
}

const routes: AgnosticDataRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "thread", path: "forum/threads/:id" },
      { id: "forum", path: "forum" },
      { id: "enterprise", path: "enterprises/:slug/*" },
    ],
  },
];

test("a route's pattern is compiled once, however often requests are matched against it", () => {
  const first = regExpsMadeBy(() => expect(matchPath("/route-matching-test/:id", "/route-matching-test/7")?.params).toEqual({ id: "7" }));
  const again = regExpsMadeBy(() => {
    for (let i = 0; i < 5; i++)
      expect(matchPath("/route-matching-test/:id", `/route-matching-test/${i}`)?.params).toEqual({ id: String(i) });
  });
  expect(first).toBeGreaterThan(0);
  expect(again).toBe(0);
  // Another flag is another pattern: matched to the end or not, case-sensitive or not.
  expect(matchPath({ path: "/route-matching-test/:id", end: false }, "/route-matching-test/7/more")?.pathnameBase).toBe(
    "/route-matching-test/7",
  );
  expect(matchPath({ path: "/Route-Matching-Test", caseSensitive: true }, "/route-matching-test")).toBeNull();
  expect(matchPath({ path: "/Route-Matching-Test" }, "/route-matching-test")).not.toBeNull();
});

test("the same routes match each path as they did the first time", () => {
  const ids = (pathname: string) => matchRoutes(routes, pathname)?.map((match) => match.route.id);
  for (let round = 0; round < 2; round++) {
    expect(ids("/")).toEqual(["root", "home"]);
    expect(ids("/forum")).toEqual(["root", "forum"]);
    expect(ids("/forum/threads/t1")).toEqual(["root", "thread"]);
    expect(matchRoutes(routes, "/forum/threads/t2")?.at(-1)?.params).toEqual({ id: "t2" });
    expect(matchRoutes(routes, "/enterprises/solar-sewing/history")?.at(-1)?.params).toEqual({ slug: "solar-sewing", "*": "history" });
    expect(ids("/nowhere")).toBeUndefined();
  }
});

test("each caller is given matches of its own: what one request does with its params reaches no other", () => {
  const first = matchRoutes(routes, "/forum/threads/t3")!;
  // A loader is handed these params: one that changed them would change only its own.
  (first.at(-1)!.params as Record<string, string>).id = "changed";
  first.pop();
  const again = matchRoutes(routes, "/forum/threads/t3")!;
  expect(again.map((match) => match.route.id)).toEqual(["root", "thread"]);
  expect(again.at(-1)?.params).toEqual({ id: "t3" });
  // As before, the matches of one call share their params.
  expect(again[0]?.params).toBe(again[1]?.params);
});

test("a route discovered during a navigation is matched, though the routes were matched before it was added", async () => {
  const router = createRouter({
    routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
    history: createMemoryHistory({ initialEntries: ["/"] }),
    patchRoutesOnNavigation: ({ path, patch }) => {
      if (path === "/discovered") patch("root", [{ id: "discovered", path: "discovered" }]);
    },
  }).initialize();
  try {
    expect(matchRoutes(router.routes, "/")?.map((match) => match.route.id)).toEqual(["root", "home"]);
    expect(matchRoutes(router.routes, "/discovered")).toBeNull();
    await router.navigate("/discovered");
    expect(router.state.location.pathname).toBe("/discovered");
    expect(router.state.matches.map((match) => match.route.id)).toEqual(["root", "discovered"]);
    expect(router.state.errors).toBeNull();
  } finally {
    router.dispose();
  }
});

test("requests rendered with the same routes share the router's route objects, each with its own matches", async () => {
  const handler = createStaticHandler(routes);
  const thread = await handler.query(new Request("http://ortaq.test/forum/threads/t1"));
  const enterprise = await handler.query(new Request("http://ortaq.test/enterprises/solar-sewing/history"));
  if (thread instanceof Response || enterprise instanceof Response) throw new Error("expected a context, not a response");
  const first = createStaticRouter(handler.dataRoutes, thread);
  const second = createStaticRouter(handler.dataRoutes, enterprise);
  expect(second.routes).toBe(first.routes);
  expect(first.state.matches.map((match) => match.route.id)).toEqual(["root", "thread"]);
  expect(first.state.matches.at(-1)?.params).toEqual({ id: "t1" });
  expect(second.state.matches.map((match) => match.route.id)).toEqual(["root", "enterprise"]);
  expect(second.state.matches.at(-1)?.params).toEqual({ slug: "solar-sewing", "*": "history" });
  // The matches carry the router's own route objects, as React Router renders them.
  expect(first.state.matches[1]?.route).toBe(first.routes[0]?.children?.[1]);
});
