import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { hasNoControlCharacters, IdSchema, PageSchema } from "~/utils/validation";
import { ErrorList } from "~/components/forms";
import { countAdmins, grantRole, listUsers, removeRole } from "~/models/user.server";
import { setOrganisation } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { requirePermission } from "~/utils/permissions.server";
import { COUNTRY_CODES, countryName } from "~/utils/reference-data";
import { ROLES } from "~/utils/roles";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:roles");
  const url = new URL(request.url);
  const query =
    url.searchParams
      .get("q")
      ?.replace(/[\u0000-\u001f]/g, "")
      .trim()
      .slice(0, 100) || undefined;
  const page = PageSchema.parse(url.searchParams.get("page") ?? 1);
  const t = await getFixedT(request);
  return { title: t("admin.title"), query, page, ...(await listUsers({ query, page })) };
}

const RoleChangeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("grant"),
    userId: IdSchema,
    role: z.enum(ROLES, { error: "errors.chooseOne" }),
    country: z.enum(COUNTRY_CODES, { error: "errors.chooseOne" }).optional(),
  }),
  z.object({ intent: z.literal("remove"), userId: IdSchema, role: z.enum(ROLES) }),
  z.object({
    intent: z.literal("organisation"),
    userId: IdSchema,
    organisation: z
      .string()
      .trim()
      .max(120, { error: "verification.errors.tooLong" })
      .refine(hasNoControlCharacters, { error: "errors.invalid" })
      .optional(),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:roles");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: RoleChangeSchema });
  const back = `/admin/users?${new URLSearchParams({ q: String(formData.get("q") ?? ""), page: String(formData.get("page") ?? "1") })}`;
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat()[0];
    return data(
      { error: message === "verification.errors.tooLong" ? message : "errors.invalid", userId: String(formData.get("userId")) },
      { status: 400 },
    );
  }
  const change = submission.value;
  if (change.intent === "organisation") {
    const saved = await setOrganisation({ userId: change.userId, organisation: change.organisation || null });
    if (!saved) return data({ error: "errors.noSuchUser", userId: change.userId }, { status: 404 });
  } else if (change.intent === "grant") {
    if (change.role === "ministry" && !change.country) {
      return data({ error: "errors.ministryNeedsCountry", userId: change.userId }, { status: 400 });
    }
    const granted = await grantRole({
      userId: change.userId,
      role: change.role,
      country: change.role === "ministry" ? change.country! : null,
    });
    if (!granted) return data({ error: "errors.noSuchUser", userId: change.userId }, { status: 404 });
  } else {
    if (change.role === "admin" && (await countAdmins()) <= 1) {
      return data({ error: "errors.lastAdmin", userId: change.userId }, { status: 400 });
    }
    await removeRole({ userId: change.userId, role: change.role });
  }
  return redirect(back);
}

export default function AdminUsersPage() {
  const { t } = useTranslation();
  const { users, total, page, pageSize, query, title } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => `?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(n) })}`;
  return (
    <section>
      <h1>{title}</h1>
      <p className="actions">
        <Link to="/admin/contributions">{t("contributions.adminTitle")}</Link>
        <Link to="/admin/forum">{t("forumAdmin.navLink")}</Link>
        <Link to="/admin/mail">{t("adminMail.title")}</Link>
      </p>
      <Form method="get" className="actions" role="search">
        <label htmlFor="user-search">{t("admin.search")}</label>
        <input id="user-search" type="search" name="q" defaultValue={searchParams.get("q") ?? ""} />
        <button type="submit">{t("admin.searchSubmit")}</button>
      </Form>
      <p>{t("admin.count", { count: total })}</p>
      <TableScroll>
        <table>
          <TableCaption>{t("admin.caption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("fields.displayName")}</th>
              <th scope="col">{t("fields.email")}</th>
              <th scope="col">{t("admin.roles")}</th>
              <th scope="col">{t("admin.grant")}</th>
              <th scope="col">{t("verification.organisation")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>{u.email}</td>
                <td>
                  <ul className="role-list">
                    {u.roles.map((r) => (
                      <li key={r.role}>
                        <Form method="post" className="actions">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="role" value={r.role} />
                          <input type="hidden" name="q" value={query ?? ""} />
                          <input type="hidden" name="page" value={page} />
                          <span>
                            {t(`roles.${r.role}`)}
                            {r.country ? ` (${countryName(t, r.country)})` : ""}
                          </span>
                          <button
                            type="submit"
                            className="button-secondary"
                            aria-label={t("admin.removeRoleLabel", { role: t(`roles.${r.role}`), name: u.displayName })}
                          >
                            {t("admin.remove")}
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <Form method="post" className="actions">
                    <input type="hidden" name="intent" value="grant" />
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="q" value={query ?? ""} />
                    <input type="hidden" name="page" value={page} />
                    <label htmlFor={`role-${u.id}`} className="visually-hidden">
                      {t("admin.roleFor", { name: u.displayName })}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue="">
                      <option value="">{t("fields.choose")}</option>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`country-${u.id}`} className="visually-hidden">
                      {t("admin.countryFor", { name: u.displayName })}
                    </label>
                    <select id={`country-${u.id}`} name="country" defaultValue="">
                      <option value="">{t("admin.countryForMinistry")}</option>
                      {COUNTRY_CODES.map((code) => (
                        <option key={code} value={code}>
                          {countryName(t, code)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" aria-label={t("admin.grantLabel", { name: u.displayName })}>
                      {t("admin.grant")}
                    </button>
                  </Form>
                  {result && "userId" in result && result.userId === u.id ? <ErrorList errors={[result.error]} /> : null}
                </td>
                <td>
                  <Form method="post" className="actions">
                    <input type="hidden" name="intent" value="organisation" />
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="q" value={query ?? ""} />
                    <input type="hidden" name="page" value={page} />
                    <label htmlFor={`organisation-${u.id}`} className="visually-hidden">
                      {t("verification.organisationFor", { name: u.displayName })}
                    </label>
                    <input id={`organisation-${u.id}`} name="organisation" defaultValue={u.organisation ?? ""} maxLength={120} size={16} />
                    <button
                      type="submit"
                      className="button-secondary"
                      aria-label={t("verification.organisationSaveFor", { name: u.displayName })}
                    >
                      {t("verification.organisationSave")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 ? (
        <nav aria-label={t("admin.pagination")} className="actions">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("pagination.previous")}</Link> : null}
          <span>{t("pagination.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("pagination.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
