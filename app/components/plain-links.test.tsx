// Needs no database.
import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { PlainForm, PlainLink, PlainNavLink, type SitePath } from "~/components/plain-links";

/** The markup of `element` rendered on the server as the page at `address` (by default a thread's, read with a query string). */
async function renderedOnAThreadPage(element: ReactElement, address = "/forum/threads/t1?page=2&quote=p3") {
  const handler = createStaticHandler([{ id: "page", path: "*", element }]);
  const context = await handler.query(new Request(`http://ortaq.test${address}`));
  if (context instanceof Response) throw new Error("expected a context, not a response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

test("a plain link is written on the server exactly as Remix's <Link> writes it for the same address", async () => {
  const to = `/forum/flags?${new URLSearchParams({ post: "p1", back: "/forum/threads/t1?page=2#post-7" })}` as const;
  const [remix, plain] = await Promise.all([
    renderedOnAThreadPage(
      <Link to={to} className="flag-link" rel="nofollow" aria-label="Flag post 7" lang="kk" dir="auto">
        Flag <bdi>post</bdi>
      </Link>,
    ),
    renderedOnAThreadPage(
      <PlainLink to={to} className="flag-link" rel="nofollow" aria-label="Flag post 7" lang="kk" dir="auto">
        Flag <bdi>post</bdi>
      </PlainLink>,
    ),
  ]);
  expect(plain).toBe(remix);
  expect(plain).toContain('data-discover="true"');
  expect(plain).toContain(`href="${to.replaceAll("&", "&amp;")}"`);
});

test("a plain form is written on the server exactly as Remix's <Form method=post> writes it for the same action", async () => {
  const fields = (
    <>
      <input type="hidden" name="intent" value="helpful" />
      <button type="submit">Helpful</button>
    </>
  );
  const [remix, plain] = await Promise.all([
    renderedOnAThreadPage(
      <Form method="post" action="/forum/threads/t1?page=2" id="helpful-p3" className="actions">
        {fields}
      </Form>,
    ),
    renderedOnAThreadPage(
      <PlainForm method="post" action="/forum/threads/t1?page=2" id="helpful-p3" className="actions">
        {fields}
      </PlainForm>,
    ),
  ]);
  expect(plain).toBe(remix);
  expect(plain).toContain('action="/forum/threads/t1?page=2"');
});

test("a plain navigation link is written on the server exactly as Remix's <NavLink>, current or not", async () => {
  const cases: { to: SitePath; at: string; end?: boolean; current: boolean }[] = [
    { to: "/forum", at: "/forum", current: true },
    { to: "/forum", at: "/forum/threads/t1?page=2", current: true },
    { to: "/forum", at: "/Forum/Climate", current: true },
    { to: "/forum", at: "/forumx", current: false },
    { to: "/ratings", at: "/forum", current: false },
    { to: "/settings/password", at: "/settings/password", end: true, current: true },
    { to: "/settings/password", at: "/settings/password/more", end: true, current: false },
    { to: "/settings/email", at: "/settings/password", end: true, current: false },
    { to: "/admin/users", at: "/admin/users/u1", current: true },
  ];
  for (const { to, at, end, current } of cases) {
    const [remix, plain] = await Promise.all([
      renderedOnAThreadPage(
        <NavLink to={to} end={end}>
          Forum <span className="badge">2</span>
        </NavLink>,
        at,
      ),
      renderedOnAThreadPage(
        <PlainNavLink to={to} end={end}>
          Forum <span className="badge">2</span>
        </PlainNavLink>,
        at,
      ),
    ]);
    expect(plain, `${to} at ${at}`).toBe(remix);
    expect(plain.includes('aria-current="page"'), `${to} at ${at}`).toBe(current);
  }
});
