import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loader as rootLoader } from "~/root";

/** Whether the signed-in person's address is confirmed (true when nobody is signed in: nothing to say then). */
export function useEmailConfirmed(): boolean {
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user;
  return !user || user.emailConfirmed;
}

/**
 * Where an unconfirmed account meets what it cannot do yet (publishing, posting): says so, and offers to
 * send the confirmation link again. Renders nothing for a confirmed account or a visitor.
 */
export function ConfirmEmailNotice({ reason }: { reason: "post" | "publish" | "vote" | "general" }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (useEmailConfirmed()) return null;
  return (
    <div className="notice notice-warning confirm-email" role="note">
      <p>
        {t(
          `confirmEmail.${reason === "post" ? "requiredToPost" : reason === "publish" ? "requiredToPublish" : reason === "vote" ? "requiredToVote" : "pending"}`,
        )}
      </p>
      <Form method="post" action="/settings/email">
        <input type="hidden" name="intent" value="resend" />
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        <button type="submit" className="button-secondary">
          {t("confirmEmail.resend")}
        </button>
      </Form>
    </div>
  );
}
