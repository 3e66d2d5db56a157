import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPollView } from "~/models/forum-poll.server";
import { getOptionalUser } from "~/utils/auth.server";
import { csvResponse, csvStyleFor, toCsv } from "~/utils/csv";
import { pollResultsTable } from "~/utils/forum-poll";
import { getFixedT, i18next } from "~/utils/i18next.server";
import { notFound, requireIdParam } from "~/utils/permissions.server";
import { requireReadableThread } from "~/models/forum-access.server";

/**
 * A poll's results as CSV, headed in the reader's language and written for a spreadsheet set to it
 * (csvStyleFor); only to a reader who may see them on the page. A poll in a cohort's private category
 * is not open data.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const threadId = requireIdParam(params);
  const reader = await getOptionalUser(request);
  const { private: inCohort } = await requireReadableThread(threadId, reader);
  const [poll, t, language] = await Promise.all([getPollView({ threadId, reader }), getFixedT(request), i18next.getLocale(request)]);
  if (!poll) notFound();
  if (!poll.results)
    throw new Response(t("forumPoll.resultsAfterVote"), { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const table = pollResultsTable(poll.results, t);
  return csvResponse(`ortaq-poll-${threadId}.csv`, toCsv(table.header, table.rows, csvStyleFor(language)), { openData: !inCohort });
}
