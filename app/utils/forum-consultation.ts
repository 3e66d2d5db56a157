// Shared by server and browser: the one definition of whether a consultation takes replies.

/**
 * Open until its closing instant, unless it was closed early. Dates may come as strings from a
 * loader; `now` may be a loader's `Date.now()`, so server and browser render the same state.
 */
export function isConsultationOpen(
  consultation: { closesAt: Date | string; closedAt: Date | string | null },
  now: Date | number = new Date(),
) {
  return consultation.closedAt === null && new Date(consultation.closesAt).getTime() > new Date(now).getTime();
}
