// Success notices: an action that worked redirects with a notice, which the page it lands on
// shows once (the root loader takes it and renders it with <Notice>). The notice travels in a
// short-lived cookie, so it works without JavaScript and never sits in a URL.
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { secureCookie } from "~/utils/session.server";

const TranslationKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,120}$/);

const NoticeSchema = z.object({
  /** The translation key of the message. */
  message: TranslationKey,
  /** A link after the message: a same-site path and the translation key of its text. */
  link: z
    .object({
      to: z
        .string()
        .regex(/^\/(?![/\\])/)
        .max(500),
      label: TranslationKey,
    })
    .optional(),
});

export type Notice = z.infer<typeof NoticeSchema>;

const noticeCookie = () => createCookie("ortaq_notice", { path: "/", httpOnly: true, sameSite: "lax", secure: secureCookie(), maxAge: 60 });

/** A redirect to `to` whose page will say `notice` (a translation key, or a message with a link). */
export async function redirectWithNotice(to: string, notice: Notice | string, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await noticeHeader(notice));
  return redirect(to, { ...init, headers });
}

/** The Set-Cookie header that makes the next page shown say `notice` (for an answer a page's script reads and then follows). */
export async function noticeHeader(notice: Notice | string) {
  return noticeCookie().serialize(typeof notice === "string" ? { message: notice } : notice);
}

/** The notice waiting for this request, if any; anything else in the cookie is ignored. */
export async function readNotice(request: Request): Promise<Notice | null> {
  const parsed = NoticeSchema.safeParse(await noticeCookie().parse(request.headers.get("Cookie")));
  return parsed.success ? parsed.data : null;
}

/** Takes the waiting notice: it is shown on this page only, and the header returned forgets it. */
export async function takeNotice(request: Request): Promise<{ notice: Notice | null; headers: HeadersInit }> {
  const notice = await readNotice(request);
  return { notice, headers: notice ? { "Set-Cookie": await noticeCookie().serialize("", { maxAge: 0 }) } : {} };
}
