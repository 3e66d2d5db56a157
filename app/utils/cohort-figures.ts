// The figures of a whole cohort, which an organisation passes on to its own funders: averages over the
// enterprises that consented and have a rating, under the sector's small-group rule.
import { MIN_GROUP } from "~/utils/sector-disclosure";

export interface CohortMemberProgress {
  rating: { overall: number; dimensions: Record<string, number> } | null;
  plan: { done: number; total: number } | null;
  sessions: number;
}

export interface CohortFigures {
  /** Enterprises of the cohort (consented) with a rating: the figures describe these. */
  rated: number;
  /** Null while fewer than MIN_GROUP are rated: no figure for so few that one could be singled out. */
  figures: {
    meanOverall: number;
    medianOverall: number;
    dimensions: { id: string; mean: number }[];
    planItemsDone: number;
    planItemsTotal: number;
    sessions: number;
  } | null;
}

const round = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;

function median(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The cohort's figures over its rated members; `dimensionIds` in the order the methodology lists them. */
export function cohortFigures(members: readonly CohortMemberProgress[], dimensionIds: readonly string[]): CohortFigures {
  const rated = members.filter((m) => m.rating !== null);
  if (rated.length < MIN_GROUP) return { rated: rated.length, figures: null };
  const overall = rated.map((m) => m.rating!.overall);
  return {
    rated: rated.length,
    figures: {
      meanOverall: round(mean(overall)),
      medianOverall: round(median(overall)),
      dimensions: dimensionIds.map((id) => ({ id, mean: round(mean(rated.map((m) => m.rating!.dimensions[id] ?? 0))) })),
      planItemsDone: rated.reduce((sum, m) => sum + (m.plan?.done ?? 0), 0),
      planItemsTotal: rated.reduce((sum, m) => sum + (m.plan?.total ?? 0), 0),
      sessions: rated.reduce((sum, m) => sum + m.sessions, 0),
    },
  };
}
