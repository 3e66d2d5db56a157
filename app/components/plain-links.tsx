import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ComponentProps } from "react";

/** An address within the site, already absolute: nothing is left for the router to resolve. */
export type SitePath = `/${string}`;

const onServer = typeof document === "undefined";

/**
 * A link for places where links are many (a thread's posts, a list of threads): in the browser it is
 * Remix's `<Link>`, which moves between pages without reloading; on the server it writes the markup that
 * `<Link>` writes for an absolute address (`href` and `data-discover`, which lets the browser find the
 * route) without asking the router to resolve it, a cost each `<Link>` has on every request (decision 038).
 */
export function PlainLink({ to, children, ...props }: Omit<ComponentProps<"a">, "href"> & { to: SitePath }) {
  if (!onServer) {
    return (
      <Link to={to} {...props}>
        {children}
      </Link>
    );
  }
  return (
    <a {...props} data-discover="true" href={to}>
      {children}
    </a>
  );
}

/**
 * A form that posts to `action` (absolute): in the browser Remix's `<Form>`, on the server the markup it
 * writes for that action, as `PlainLink` is for links (decision 038).
 */
export function PlainForm({
  action,
  method,
  ...props
}: Omit<ComponentProps<"form">, "action" | "method" | "encType"> & { action: SitePath; method: "post" }) {
  if (!onServer) return <Form method={method} action={action} {...props} />;
  return <form method={method} action={action} {...props} data-discover="true" />;
}

/**
 * Whether a navigation link to `to` shows as the current page's at `pathname`, by `<NavLink>`'s rule: the
 * same path, or (without `end`) a path below it, letters compared without case.
 */
export function isCurrentPath(pathname: string, to: SitePath, end: boolean) {
  const target = to.split(/[?#]/)[0]!.toLowerCase();
  const current = pathname.toLowerCase();
  const slashAt = target !== "/" && target.endsWith("/") ? target.length - 1 : target.length;
  return current === target || (!end && current.startsWith(target) && current.charAt(slashAt) === "/");
}

/**
 * A link of a navigation bar (the header's, the footer's, a settings page's): in the browser Remix's
 * `<NavLink>`; on the server the markup `<NavLink>` writes for an absolute address, marked as the current
 * page's (`aria-current="page"`, class `active`) by the same rule, without the router's work for each
 * (decision 038).
 */
export function PlainNavLink({
  to,
  end = false,
  children,
  ...props
}: Omit<ComponentProps<"a">, "href" | "className"> & { to: SitePath; end?: boolean }) {
  const { pathname } = useLocation();
  if (!onServer) {
    return (
      <NavLink to={to} end={end} {...props}>
        {children}
      </NavLink>
    );
  }
  const current = isCurrentPath(pathname, to, end);
  return (
    <a {...props} data-discover="true" aria-current={current ? "page" : undefined} className={current ? "active" : ""} href={to}>
      {children}
    </a>
  );
}
