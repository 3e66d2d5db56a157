import { absoluteUrl } from "~/utils/env.server";

/** Private and per-person areas: nothing there is for search engines (they need a login anyway). */
const PRIVATE_PATHS = [
  "/dashboard",
  "/settings/",
  "/notifications",
  "/shortlists",
  "/verification",
  "/evidence/",
  "/admin/",
  "/forum/moderation",
  "/forum/flags",
  "/forum/new",
  "/forum/search",
  "/email/",
  "/confirm-email/",
  "/reset-password/",
  "/contributions/",
  "/webhooks/",
  "/language",
  "/logout",
];

/** Public pages are open to crawlers; the sitemap's address comes from PUBLIC_URL. */
export function loader() {
  const lines = [
    "User-agent: *",
    "Allow: /",
    ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`),
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    "",
  ];
  return new Response(lines.join("\n"), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
