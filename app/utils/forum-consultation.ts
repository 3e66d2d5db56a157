// Shared by server and browser: the one definition of whether a consultation takes replies.

/** Open until its closing instant, unless the ministry (or an admin) closed it early. */
export function isConsultationOpen(consultation: { closesAt: Date | string; closedAt: Date | string | null }, now = new Date()) {
  return consultation.closedAt === null && new Date(consultation.closesAt).getTime() > now.getTime();
}
