import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FileField, FormErrors, SelectField, useCheckedForm } from "~/components/forms";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import { createRegisterImport, listRegisterImports, registerCountriesOf, registerSizes } from "~/models/register.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden } from "~/utils/permissions.server";
import { countryName } from "~/utils/reference-data";
import { readRegisterTable, receiveRegisterUpload } from "~/utils/register-file.server";
import { getEnv } from "~/utils/env.server";
import { RegisterUploadSchema } from "~/utils/register-validation";

async function requireRegisterCountries(request: Request) {
  const user = await requireUser(request);
  const countries = registerCountriesOf(user);
  if (countries.length === 0) forbidden();
  return { user, countries };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { countries } = await requireRegisterCountries(request);
  const [t, imports, sizes] = await Promise.all([getFixedT(request), listRegisterImports(countries), registerSizes(countries)]);
  return {
    title: t("registers.title"),
    countries,
    sizes,
    // The largest file accepted (the setting REGISTER_MAX_BYTES), for the form's hint and its error.
    maxMegabytes: Math.round((getEnv().REGISTER_MAX_BYTES / 1024 / 1024) * 10) / 10,
    imports: imports.map((i) => ({ ...i, importedBy: i.importedBy?.displayName ?? null })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, countries } = await requireRegisterCountries(request);
  const { formData, file, problem } = await receiveRegisterUpload(request);
  const submission = parseWithZod(formData, { schema: RegisterUploadSchema });
  const reply = (fieldErrors: Record<string, string[]>, status = 400) => data(submission.reply({ fieldErrors }), { status });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!countries.includes(submission.value.country)) return reply({ country: ["registers.errors.notYourCountry"] }, 403);
  if (!file || problem) return reply({ file: [`registers.upload.${problem ?? "missing"}`] });
  const table = await readRegisterTable(file.bytes);
  if (!table.ok) return reply({ file: [`registers.upload.${table.problem}`] });
  const created = await createRegisterImport({
    country: submission.value.country,
    fileName: file.fileName,
    rows: table.rows,
    userId: user.id,
  });
  return redirectWithNotice(`/admin/registers/${created.id}`, "registers.notice.uploaded");
}

export default function RegistersPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, countries, sizes, imports, maxMegabytes } = useLoaderData<typeof loader>();
  const max = formatNumber(maxMegabytes, language);
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    lastResult,
    constraint: getZodConstraint(RegisterUploadSchema),
    defaultValue: { country: countries.length === 1 ? countries[0] : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterUploadSchema }),
  });
  return (
    <section>
      <h1>{title}</h1>
      <p>{t("registers.intro")}</p>
      <ul>
        {countries.map((country) => (
          <li key={country}>
            {t("registers.listed", { country: countryName(t, country), number: formatNumber(sizes[country] ?? 0, language) })}
          </li>
        ))}
      </ul>

      <h2 id="upload-heading">{t("registers.uploadHeading")}</h2>
      <Form method="post" encType="multipart/form-data" className="form" aria-labelledby="upload-heading" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.country}
          label={t("registers.country")}
          placeholder={t("fields.choose")}
          options={countries.map((code) => ({ value: code, label: countryName(t, code) }))}
        />
        <FileField
          field={fields.file}
          label={t("registers.file")}
          hint={t("registers.fileHint", { max })}
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          errorValues={{ max }}
        />
        <div className="actions">
          <button type="submit">{t("registers.uploadButton")}</button>
        </div>
      </Form>

      <h2>{t("registers.logHeading")}</h2>
      {imports.length === 0 ? (
        <p>{t("registers.noImports")}</p>
      ) : (
        <TableScroll>
          <table>
            <TableCaption>{t("registers.logCaption")}</TableCaption>
            <thead>
              <tr>
                <th scope="col">{t("registers.when")}</th>
                <th scope="col">{t("registers.country")}</th>
                <th scope="col">{t("registers.fileName")}</th>
                <th scope="col">{t("registers.who")}</th>
                <th scope="col">{t("registers.status")}</th>
                <th scope="col" className="number">
                  {t("registers.rowsRead")}
                </th>
                <th scope="col" className="number">
                  {t("registers.matched")}
                </th>
                <th scope="col" className="number">
                  {t("registers.unmatched")}
                </th>
                <th scope="col" className="number">
                  {t("registers.removed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/admin/registers/${i.id}`}>{formatDateTime(i.completedAt ?? i.createdAt, language)}</Link>
                  </th>
                  <td>{countryName(t, i.country)}</td>
                  <td>
                    <bdi>{i.fileName}</bdi>
                  </td>
                  <td>{i.importedBy ?? t("registers.formerAccount")}</td>
                  <td>{t(`registers.statuses.${i.status}`)}</td>
                  <td className="number">{i.status === "completed" ? formatNumber(i.rowsRead, language) : ""}</td>
                  <td className="number">{i.status === "completed" ? formatNumber(i.matched, language) : ""}</td>
                  <td className="number">{i.status === "completed" ? formatNumber(i.unmatched, language) : ""}</td>
                  <td className="number">{i.status === "completed" ? formatNumber(i.removed, language) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
