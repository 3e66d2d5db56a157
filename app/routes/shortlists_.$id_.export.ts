import type { LoaderFunctionArgs } from "@remix-run/node";
import { getShortlist } from "~/models/shortlist.server";
import { requireUser } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { absoluteUrl } from "~/utils/env.server";
import { i18next } from "~/utils/i18next.server";
import { notFound, requireIdParam } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shortlist = await getShortlist({ id: requireIdParam(params), userId: user.id });
  if (!shortlist) notFound();
  const t = await i18next.getFixedT(request, "common");
  return csvResponse(
    "ortaq-shortlist.csv",
    toCsv(
      [t("directory.name"), t("sector.country"), t("sector.sector"), t("shortlists.noteHeader"), "URL"],
      shortlist.entries.map((e) => [
        e.enterprise.name,
        e.enterprise.country,
        e.enterprise.sector,
        e.note,
        absoluteUrl(`/enterprises/${e.enterprise.slug}`),
      ]),
    ),
  );
}
