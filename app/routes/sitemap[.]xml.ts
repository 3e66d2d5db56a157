import type { LoaderFunctionArgs } from "@remix-run/node";
import { methodologies } from "../../scoring";
import { countSitemapEnterprises, listSitemapEnterprises, listSitemapForumCategories, SITEMAP_PAGE_SIZE } from "~/models/sitemap.server";
import { absoluteUrl } from "~/utils/env.server";
import { escapeXml } from "~/utils/atom.server";

/** The pages anyone may read that do not depend on the data. */
const PUBLIC_PATHS = ["/", "/ratings", "/sector", "/methodology", "/forum", "/forum/consultations", "/signup", "/login"];

const HEADERS = { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" };

/**
 * The sitemap of public pages and published enterprise profiles, every address from PUBLIC_URL.
 * Up to SITEMAP_PAGE_SIZE profiles it is one file; beyond, `/sitemap.xml` is an index of pages
 * `/sitemap.xml?page=1`, `?page=2` … (the first with the fixed pages), each within the protocol's limit.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const pageParameter = new URL(request.url).searchParams.get("page");
  const enterprises = await countSitemapEnterprises();
  const pages = Math.max(1, Math.ceil(enterprises / SITEMAP_PAGE_SIZE));
  if (pageParameter === null && pages > 1) {
    const entries = Array.from(
      { length: pages },
      (_, i) => `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemap.xml?page=${i + 1}`))}</loc></sitemap>`,
    );
    return xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>`);
  }
  const page = pageParameter === null ? 1 : /^[1-9][0-9]{0,5}$/.test(pageParameter) ? Number(pageParameter) : 0;
  if (page < 1 || page > pages) return new Response("No such sitemap page", { status: 404, headers: { "Content-Type": "text/plain" } });
  const fixed =
    page === 1
      ? [
          ...PUBLIC_PATHS,
          ...Object.keys(methodologies).map((version) => `/methodology/${version}`),
          ...(await listSitemapForumCategories()).map(({ slug }) => `/forum/${slug}`),
        ].map((path) => url(path))
      : [];
  const profiles = (await listSitemapEnterprises({ page })).map(({ slug, updatedAt }) =>
    url(`/enterprises/${slug}`, updatedAt.toISOString()),
  );
  return xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${[...fixed, ...profiles].join("\n")}\n</urlset>`);
}

function url(path: string, lastModified?: string) {
  return `<url><loc>${escapeXml(absoluteUrl(path))}</loc>${lastModified ? `<lastmod>${lastModified}</lastmod>` : ""}</url>`;
}

function xml(body: string) {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, { headers: HEADERS });
}
