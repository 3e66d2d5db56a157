// A person who has just changed something reads the pages that follow afresh (decision 028): the
// notice of a change reaches the other server processes within moments of its commit, but the redirect
// after it could reach one of them sooner. Every request that may change data marks its visitor with a
// short-lived cookie; while it lasts, nothing kept (query results, pages) is used for them.
import type { RequestHandler } from "express";
import { cookieNames } from "~/utils/page-cache.server";
import { isReadingMethod } from "~/utils/request-scope.server";
import { secureCookie } from "~/utils/session.server";

export const OWN_CHANGE_COOKIE = "ortaq_changed";

/** Far longer than a change's notice takes to reach every server process. */
const OWN_CHANGE_SECONDS = 10;

/** Express middleware: a request other than GET or HEAD marks its visitor (see above). */
export function markOwnChanges(): RequestHandler {
  return (req, res, next) => {
    if (!isReadingMethod(req.method)) {
      const secure = secureCookie() ? "; Secure" : "";
      res.append("Set-Cookie", `${OWN_CHANGE_COOKIE}=1; Max-Age=${OWN_CHANGE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    }
    next();
  };
}

/**
 * Whether a request must read nothing kept for every reader: it may change data itself (an action
 * checks what is there now), or its visitor changed something in the last few seconds (see above).
 */
export function mustReadAfresh(req: { method: string; headers: { cookie?: string } }) {
  return !isReadingMethod(req.method) || cookieNames(req.headers.cookie).includes(OWN_CHANGE_COOKIE);
}
