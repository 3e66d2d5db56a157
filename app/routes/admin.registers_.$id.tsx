import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, useCheckedForm } from "~/components/forms";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import {
  completeRegisterImport,
  discardRegisterImport,
  getRegisterImport,
  listRegisterEntries,
  listRemovedBy,
  registerCountriesOf,
} from "~/models/register.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden, notFound, requireIdParam } from "~/utils/permissions.server";
import { countryName } from "~/utils/reference-data";
import { REGISTER_FIELDS, type RegisterRowError } from "~/utils/register-columns";
import { RegisterImportActionSchema } from "~/utils/register-validation";

async function requireImport(request: Request, id: string) {
  const user = await requireUser(request);
  const countries = registerCountriesOf(user);
  if (countries.length === 0) forbidden();
  const found = await getRegisterImport(id, countries);
  if (!found) notFound();
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await requireImport(request, requireIdParam(params));
  const [t, entries, removed] = await Promise.all([
    getFixedT(request),
    found.status === "completed" ? listRegisterEntries(found.id) : Promise.resolve([]),
    found.status === "completed" ? listRemovedBy(found.id) : Promise.resolve([]),
  ]);
  return {
    title: t("registers.importTitle", { country: countryName(t, found.country) }),
    found,
    matched: entries
      .filter((e) => e.enterprise)
      .map((e) => ({ ...e, includedOn: e.includedOn.toISOString().slice(0, 10), enterprise: e.enterprise! })),
    unmatched: entries.filter((e) => !e.enterprise).map((e) => ({ ...e, includedOn: e.includedOn.toISOString().slice(0, 10) })),
    removed: removed.map((r) => ({ ...r, includedOn: r.includedOn.toISOString().slice(0, 10) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = await requireImport(request, requireIdParam(params));
  const submission = parseWithZod(await request.formData(), { schema: RegisterImportActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), rowErrors: [] as RegisterRowError[] }, { status: 400 });
  if (found.status !== "pending") {
    return data({ result: submission.reply({ formErrors: ["registers.errors.already_completed"] }), rowErrors: [] }, { status: 409 });
  }
  if (submission.value.intent === "discard") {
    await discardRegisterImport(found.id);
    return redirectWithNotice("/admin/registers", "registers.notice.discarded");
  }
  const { intent: _intent, ...columns } = submission.value;
  const width = found.preview?.headers.length ?? 0;
  const outside = REGISTER_FIELDS.filter((field) => columns[field] !== undefined && columns[field]! >= width);
  if (outside.length) {
    return data(
      {
        result: submission.reply({ fieldErrors: Object.fromEntries(outside.map((f) => [f, ["registers.errors.chooseColumn"]])) }),
        rowErrors: [],
      },
      { status: 400 },
    );
  }
  const outcome = await completeRegisterImport({ id: found.id, columns });
  if (!outcome.ok) {
    const status = outcome.error === "not_found" ? 404 : outcome.error === "already_completed" ? 409 : 400;
    return data(
      { result: submission.reply({ formErrors: [`registers.errors.${outcome.error}`] }), rowErrors: outcome.errors ?? [] },
      { status },
    );
  }
  return redirectWithNotice(`/admin/registers/${found.id}`, "registers.notice.imported");
}

function RowErrors({ errors, caption }: { errors: RegisterRowError[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <TableScroll>
      <table>
        <TableCaption>{caption}</TableCaption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t("registers.row")}
            </th>
            <th scope="col">{t("registers.problem")}</th>
            <th scope="col">{t("registers.value")}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={`${e.row}-${e.problem}`}>
              <th scope="row" className="number">
                {formatNumber(e.row, i18n.language, { useGrouping: false })}
              </th>
              <td>{t(`registers.rowProblems.${e.problem}`)}</td>
              <td>
                <bdi>{e.value}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ColumnsForm({ found }: { found: ReturnType<typeof useLoaderData<typeof loader>>["found"] }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const headers = found.preview?.headers ?? [];
  const [form, fields] = useCheckedForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(RegisterImportActionSchema),
    defaultValue: Object.fromEntries(Object.entries(found.columns).map(([field, index]) => [field, String(index)])),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterImportActionSchema }),
  });
  const options = headers.map((header, i) => ({ value: String(i), label: header || t("registers.columnN", { n: i + 1 }) }));
  return (
    <>
      <Form method="post" className="form" aria-labelledby="columns-heading" {...getFormProps(form)}>
        <h2 id="columns-heading">{t("registers.columnsHeading")}</h2>
        <p>{t("registers.columnsIntro")}</p>
        <FormErrors id={form.errorId} errors={form.errors} />
        {actionData?.rowErrors.length ? <RowErrors errors={actionData.rowErrors} caption={t("registers.firstErrorsCaption")} /> : null}
        {REGISTER_FIELDS.map((field) => (
          <SelectField
            key={field}
            field={fields[field]}
            label={t(`registers.fields.${field}`)}
            placeholder={field === "category" ? t("registers.noColumn") : t("fields.choose")}
            options={options}
          />
        ))}
        <div className="actions">
          <button type="submit" name="intent" value="import">
            {t("registers.importButton", { number: found.preview?.dataRows ?? 0 })}
          </button>
        </div>
      </Form>
      <Form method="post" className="form">
        <div className="actions">
          <button type="submit" name="intent" value="discard" className="button-secondary">
            {t("registers.discardButton")}
          </button>
        </div>
      </Form>
    </>
  );
}

export default function RegisterImportPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, found, matched, unmatched, removed } = useLoaderData<typeof loader>();
  const country = countryName(t, found.country);
  return (
    <section>
      <p>
        <Link to="/admin/registers">{t("registers.back")}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="facts">
        <dt>{t("registers.fileName")}</dt>
        <dd>
          <bdi>{found.fileName}</bdi>
        </dd>
        <dt>{t("registers.who")}</dt>
        <dd>{found.importedBy?.displayName ?? t("registers.formerAccount")}</dd>
        <dt>{t("registers.uploadedAt")}</dt>
        <dd>{formatDateTime(found.createdAt, language)}</dd>
        <dt>{t("registers.status")}</dt>
        <dd>
          {found.completedAt
            ? t("registers.completedOn", { date: formatDateTime(found.completedAt, language) })
            : t(`registers.statuses.${found.status}`)}
        </dd>
      </dl>

      {found.status === "pending" && found.preview ? (
        <>
          <TableScroll>
            <table>
              <TableCaption>{t("registers.previewCaption")}</TableCaption>
              <thead>
                <tr>
                  {found.preview.headers.map((header, i) => (
                    <th key={i} scope="col">
                      {header || t("registers.columnN", { n: i + 1 })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {found.preview.sample.map((row, r) => (
                  <tr key={r}>
                    {found.preview!.headers.map((_, i) => (
                      <td key={i}>
                        <bdi>{row[i] ?? ""}</bdi>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <ColumnsForm found={found} />
        </>
      ) : (
        <>
          <h2>{t("registers.reportHeading")}</h2>
          <ul>
            <li>{t("registers.report.rowsRead", { number: formatNumber(found.rowsRead, language) })}</li>
            <li>{t("registers.report.matched", { number: formatNumber(found.matched, language) })}</li>
            <li>{t("registers.report.unmatched", { number: formatNumber(found.unmatched, language) })}</li>
            <li>{t("registers.report.errors", { number: formatNumber(found.problems.length, language) })}</li>
            <li>{t("registers.report.removed", { number: formatNumber(found.removed, language) })}</li>
          </ul>

          <h2>{t("registers.matchedHeading")}</h2>
          {matched.length === 0 ? (
            <p>{t("registers.noneMatched")}</p>
          ) : (
            <ul className="register-matches">
              {matched.map((e) => (
                <li key={e.taxId}>
                  {e.enterprise.status === "published" ? (
                    <Link to={`/enterprises/${e.enterprise.slug}`}>
                      <bdi>{e.enterprise.name}</bdi>
                    </Link>
                  ) : (
                    <bdi>{e.enterprise.name}</bdi>
                  )}{" "}
                  — {t("registers.marked", { country, date: formatDate(e.includedOn, language) })}
                </li>
              ))}
            </ul>
          )}

          {found.problems.length ? <RowErrors errors={found.problems} caption={t("registers.errorsCaption")} /> : null}

          {removed.length ? (
            <>
              <h2>{t("registers.removedHeading")}</h2>
              <ul>
                {removed.map((r) => (
                  <li key={r.taxId}>
                    <bdi>{r.name}</bdi> ({r.taxId})
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          {unmatched.length ? (
            <details>
              <summary>{t("registers.unmatchedHeading", { number: formatNumber(unmatched.length, language) })}</summary>
              <ul>
                {unmatched.map((e) => (
                  <li key={e.taxId}>
                    <bdi>{e.name}</bdi> ({e.taxId}) — {formatDate(e.includedOn, language)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
