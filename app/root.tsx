// First of all: the browser's zod is set up before any route module (this one is imported first) makes a schema.
import "~/utils/zod-jitless.client";
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { FormProgress } from "~/components/form-progress";
import { PlainForm, PlainLink, PlainNavLink } from "~/components/plain-links";
import { Notice } from "~/components/notice";
import { countUnreadNotifications } from "~/models/notification.server";
import { getOptionalUser } from "~/utils/auth.server";
import { errorPageKeys } from "~/utils/error-page";
import { intlProbe } from "~/utils/format";
import { directionOf, LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { getLanguage } from "~/utils/i18next.server";
import { useNonce } from "~/utils/nonce";
import { takeNotice } from "~/utils/notice.server";
import { useSyncLanguage } from "~/utils/use-sync-language";
import { hasRole } from "~/utils/permissions.server";
import { restoreTypedText } from "~/utils/typed-text.client";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, { notice, headers }] = await Promise.all([getLanguage(request), getOptionalUser(request), takeNotice(request)]);
  return data(
    {
      locale,
      // How the server writes numbers and dates in this language, for the browser to match.
      intl: intlProbe(locale),
      notice,
      user: user
        ? {
            displayName: user.displayName,
            emailConfirmed: Boolean(user.emailConfirmedAt),
            isAdmin: hasRole(user, "admin"),
            isVerifier: hasRole(user, "verifier"),
            unreadNotifications: user.hasUnreadNotifications ? await countUnreadNotifications(user) : 0,
          }
        : null,
    },
    { headers },
  );
}

export const handle = { i18n: "common" };

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function LanguageSwitcher({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    // A full page load, so the browser fetches the new language's translations with the page.
    <Form method="post" action="/language" className="language-switcher" reloadDocument>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-select" className="visually-hidden">
        {t("nav.language")}
      </label>
      <select id="language-select" name="language" defaultValue={current}>
        {SUPPORTED_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      <button type="submit" className="button-secondary">
        {t("nav.changeLanguage")}
      </button>
    </Form>
  );
}

function Header() {
  const { t } = useTranslation();
  const data = useRootData();
  const user = data?.user;
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  // A link followed inside the open menu leads to a page that starts with the menu closed. Not when the
  // scripts take the page over: a menu opened before they ran stays open.
  const shown = useRef(location.pathname + location.search);
  useEffect(() => {
    const address = location.pathname + location.search;
    if (address === shown.current) return;
    shown.current = address;
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <PlainLink to="/" className="brand">
        Ortaq
      </PlainLink>
      {/* On small screens the menu is a disclosure that opens without JavaScript; on wide ones (where
          the browser can style a disclosure's content) it is always shown and its button hidden. */}
      <details className="site-menu" ref={menu}>
        <summary className="site-menu-button">
          <span aria-hidden="true" className="site-menu-icon" />
          {t("nav.menu")}
        </summary>
        <div className="site-menu-body">
          <nav aria-label={t("nav.main")}>
            <ul>
              <li>
                <PlainNavLink to="/ratings">{t("nav.ratings")}</PlainNavLink>
              </li>
              <li>
                <PlainNavLink to="/sector">{t("nav.sector")}</PlainNavLink>
              </li>
              <li>
                <PlainNavLink to="/methodology">{t("nav.methodology")}</PlainNavLink>
              </li>
              <li>
                <PlainNavLink to="/forum">{t("forum.navLink")}</PlainNavLink>
              </li>
              <li>
                <PlainNavLink to="/learn">{t("learning.navLink")}</PlainNavLink>
              </li>
              {user ? (
                <>
                  <li>
                    <PlainNavLink to="/dashboard">{t("nav.dashboard")}</PlainNavLink>
                  </li>
                  <li>
                    <PlainNavLink to="/shortlists">{t("shortlists.title")}</PlainNavLink>
                  </li>
                  {user.isVerifier || user.isAdmin ? (
                    <li>
                      <PlainNavLink to="/verification">{t("verification.nav")}</PlainNavLink>
                    </li>
                  ) : null}
                  {user.isAdmin ? (
                    <li>
                      <PlainNavLink to="/admin/users">{t("nav.admin")}</PlainNavLink>
                    </li>
                  ) : null}
                  <li>
                    <PlainNavLink to="/notifications">
                      {t("notifications.navLink")}
                      {user.unreadNotifications > 0 ? (
                        <span className="badge badge-count">
                          <span aria-hidden="true">{user.unreadNotifications}</span>
                          <span className="visually-hidden">{t("notifications.unread", { count: user.unreadNotifications })}</span>
                        </span>
                      ) : null}
                    </PlainNavLink>
                  </li>
                  <li>
                    <PlainNavLink to="/settings/password">{t("nav.account")}</PlainNavLink>
                  </li>
                  <li>
                    <PlainForm method="post" action="/logout">
                      <button type="submit" className="link-button">
                        {t("nav.logout")}
                      </button>
                    </PlainForm>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <PlainNavLink to="/login">{t("nav.login")}</PlainNavLink>
                  </li>
                  <li>
                    <PlainNavLink to="/signup">{t("nav.signup")}</PlainNavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitcher current={data?.locale ?? "en"} />
        </div>
      </details>
    </header>
  );
}

/** Pages every reader may want but few visit daily: kept out of the header so it stays one row. */
function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <nav aria-label={t("nav.footer")}>
        <ul>
          <li>
            <PlainNavLink to="/legal">{t("legal:nav")}</PlainNavLink>
          </li>
          <li>
            <PlainNavLink to="/mentors">{t("mentorship.navLink")}</PlainNavLink>
          </li>
          <li>
            <a href="/api/v1/openapi.json">{t("nav.openData")}</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const locale = data?.locale ?? "en";
  useSyncLanguage(locale);
  // The outermost component's first effect runs once the whole page is hydrated.
  useEffect(() => restoreTypedText(), []);
  return (
    <html lang={locale} dir={directionOf(locale)} data-intl={data ? JSON.stringify(data.intl) : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header />
        <main id="main">{children}</main>
        <Footer />
        <FormProgress />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <>
      <Notice notice={useRootData()?.notice} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const keys = isRouteErrorResponse(error) ? errorPageKeys(error.status, error.data) : errorPageKeys(500);
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="error-page">
      <title>{`${t(keys.title)} · Ortaq`}</title>
      <h1>{t(keys.title)}</h1>
      <p>{t(keys.body)}</p>
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </section>
  );
}
