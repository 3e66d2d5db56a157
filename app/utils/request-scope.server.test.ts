// Needs no database.
import { expect, test } from "vitest";
import { oncePerRequest, runInRequestScope } from "./request-scope.server";

const request = (method = "GET", cookie = "ortaq_session=abc") =>
  new Request("http://ortaq.test/ratings", { method, headers: { Cookie: cookie } });

/** How many times each name was worked out. */
function counter() {
  const made: string[] = [];
  return { made, make: (name: string) => () => (made.push(name), `${name} value`) };
}

test("in one request's scope, the loaders' and the render's own Request objects share what is worked out once", async () => {
  const { made, make } = counter();
  await runInRequestScope(async () => {
    // Remix gives the root loader, the page's loader and the render each a Request of its own.
    expect(oncePerRequest(request(), "user", make("user"))).toBe("user value");
    await Promise.resolve();
    expect(oncePerRequest(request(), "user", make("user"))).toBe("user value");
    expect(oncePerRequest(request(), "language", make("language"))).toBe("language value");
  });
  expect(made).toEqual(["user", "language"]);
});

test("each request has its scope: the next request, and another visitor's cookie, work it out again", async () => {
  const { made, make } = counter();
  await runInRequestScope(async () => oncePerRequest(request(), "user", make("first")));
  await runInRequestScope(async () => {
    oncePerRequest(request(), "user", make("second"));
    oncePerRequest(request("GET", "ortaq_session=other"), "user", make("other visitor"));
  });
  expect(made).toEqual(["first", "second", "other visitor"]);
});

test("a request that may write (an action) keeps values per Request object, so the loaders after it read again", async () => {
  const { made, make } = counter();
  await runInRequestScope(async () => {
    const posted = request("POST");
    oncePerRequest(posted, "user", make("in the action"));
    oncePerRequest(posted, "user", make("not again for the same object"));
    oncePerRequest(request("POST"), "user", make("after the action"));
  });
  expect(made).toEqual(["in the action", "after the action"]);
});

test("outside a scope (a loader called directly), each Request object keeps its own values", () => {
  const { made, make } = counter();
  const one = request();
  oncePerRequest(one, "user", make("one"));
  oncePerRequest(one, "user", make("one again"));
  oncePerRequest(request(), "user", make("two"));
  expect(made).toEqual(["one", "two"]);
});
