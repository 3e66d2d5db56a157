import { Form, Link } from "@remix-run/react";
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
