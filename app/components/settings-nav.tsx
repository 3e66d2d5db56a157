import { useRouteLoaderData } from "@remix-run/react";
import { PlainNavLink, type SitePath } from "~/components/plain-links";
import { useTranslation } from "react-i18next";
import type { loader as rootLoader } from "~/root";

/** The account's settings pages, at the top of each. */
export function SettingsNav() {
  const { t } = useTranslation();
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user;
  const pages: { to: SitePath; label: string }[] = [
    { to: "/settings/password", label: t("password.title") },
    { to: "/settings/email", label: t("emailSettings.title") },
    { to: "/settings/notifications", label: t("notificationSettings.title") },
    ...(user?.isVerifier ? [{ to: "/settings/organisation" as const, label: t("verification.organisationTitle") }] : []),
  ];
  return (
    <nav aria-label={t("nav.account")} className="settings-nav">
      <ul>
        {pages.map((page) => (
          <li key={page.to}>
            <PlainNavLink to={page.to} end>
              {page.label}
            </PlainNavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
