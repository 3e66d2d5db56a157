import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCohort } from "~/models/cohort.server";
import { requireUser } from "~/utils/auth.server";
import { COHORT_TABLES, cohortTables, type CohortTable } from "~/utils/cohort-tables";
import { absoluteUrl } from "~/utils/env.server";
import { filterProblems } from "~/utils/filter-problems";
import { i18next } from "~/utils/i18next.server";
import { notFound, requireIdParam, requirePermission } from "~/utils/permissions.server";
import { badExportRequest, exportFormat, tableResponse } from "~/utils/table-export.server";

/**
 * A cohort's enterprises (those that consented) or its figures (under the small-group rule), as CSV or a
 * spreadsheet (`format=xlsx`), for the organisation's own funders; only to the cohort's owner, like its page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:cohorts");
  const id = requireIdParam(params);
  const table = params.table as CohortTable;
  if (!COHORT_TABLES.includes(table)) notFound();
  const cohort = await getCohort({ id, ownerId: user.id });
  if (!cohort) notFound();
  const t = await i18next.getFixedT(request, "common");
  const format = exportFormat(new URL(request.url).searchParams);
  if (format === null) return badExportRequest(t("exports.badFilters", { problems: filterProblems(t, ["format"]) }));
  const data = cohortTables(cohort, t, absoluteUrl)[table];
  return tableResponse({
    format,
    filename: `ortaq-cohort-${table}`,
    sheet: table === "members" ? cohort.name : t("cohorts.figures.heading"),
    header: data.header,
    rows: data.rows,
    language: await i18next.getLocale(request),
    openData: false,
  });
}
