import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { LearningResourceForm } from "~/components/learning-form";
import {
  addAttachment,
  deleteAttachment,
  deleteResource,
  deleteVersion,
  getResourceForEditing,
  saveResource,
} from "~/models/learning.server";
import { requireUser } from "~/utils/auth.server";
import { deleteEvidenceFile, evidenceSettings, receiveEvidenceUpload } from "~/utils/evidence-files.server";
import { formatNumber } from "~/utils/format";
import { isLanguage, LANGUAGE_NAMES, SUPPORTED_LANGUAGES, type Language } from "~/utils/i18n";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { LearningResourceSchema, questionDimension } from "~/utils/learning";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { IdSchema } from "~/utils/validation";

async function languageOf(request: Request): Promise<Language> {
  const asked = new URL(request.url).searchParams.get("lang");
  return isLanguage(asked) ? asked : getLanguage(request);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "write:learning");
  const language = await languageOf(request);
  const resource = await getResourceForEditing({ slug: params.slug ?? "", language });
  if (!resource) notFound();
  const t = await getFixedT(request);
  return {
    title: t("learning.editTitle", { language: LANGUAGE_NAMES[language] }),
    language,
    resource,
    maxMegabytes: Math.round((evidenceSettings().maxBytes / 1024 / 1024) * 10) / 10,
  };
}

const UPLOAD_STATUS = { too_large: 413, bad_type: 415, empty: 400, missing: 400, malformed: 400 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "write:learning");
  const language = await languageOf(request);
  const resource = await getResourceForEditing({ slug: params.slug ?? "", language });
  if (!resource) notFound();
  const here = `/learn/${resource.slug}/edit?lang=${language}`;

  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const { file, problem } = await receiveEvidenceUpload(request);
    if (!file || problem) {
      return data(
        { form: "upload" as const, errors: [`verification.upload.${problem ?? "missing"}`] },
        { status: UPLOAD_STATUS[problem ?? "missing"] },
      );
    }
    await addAttachment({
      resourceId: resource.id,
      fileName: file.fileName,
      storageName: file.storageName,
      contentType: file.contentType,
      size: file.size,
      uploadedById: user.id,
    });
    return redirectWithNotice(here, "learning.notice.attached");
  }

  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: LearningResourceSchema });
    if (submission.status !== "success") return data({ form: "save" as const, result: submission.reply() }, { status: 400 });
    await saveResource({ id: resource.id, input: submission.value, questionDimension });
    return redirectWithNotice(`/learn/${resource.slug}?lang=${submission.value.language}`, "learning.notice.saved");
  }
  if (intent === "deleteAttachment") {
    const id = String(formData.get("attachmentId") ?? "");
    if (!IdSchema.safeParse(id).success) throw new Response("Unknown attachment", { status: 400 });
    const storageName = await deleteAttachment({ resourceId: resource.id, id });
    if (!storageName) notFound();
    await deleteEvidenceFile(storageName);
    return redirectWithNotice(here, "learning.notice.detached");
  }
  if (intent === "deleteVersion") {
    if (!(await deleteVersion({ id: resource.id, language }))) {
      return data({ form: "deleteVersion" as const, errors: ["learning.errors.lastVersion"] }, { status: 409 });
    }
    return redirectWithNotice(`/learn/${resource.slug}`, "learning.notice.versionDeleted");
  }
  if (intent === "deleteResource") {
    if (formData.get("confirm") !== "on")
      return data({ form: "deleteResource" as const, errors: ["learning.errors.confirmDelete"] }, { status: 400 });
    const files = await deleteResource(resource.id);
    await Promise.all(files.map(deleteEvidenceFile));
    throw redirect("/learn");
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function EditLearningResourcePage() {
  const { t, i18n } = useTranslation();
  const { title, language, resource, maxMegabytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : null;
  const errorsOf = (form: string) => (actionData && actionData.form === form && "errors" in actionData ? actionData.errors : undefined);
  const version = resource.version;
  const here = `/learn/${resource.slug}/edit?lang=${language}`;
  return (
    <section>
      <p>
        <Link to={`/learn/${resource.slug}?lang=${language}`}>{t("learning.backToResource")}</Link>
      </p>
      <h1>{title}</h1>
      <nav aria-label={t("learning.versions")}>
        <p>
          {t("learning.versions")}:{" "}
          {SUPPORTED_LANGUAGES.map((l, i) => (
            <span key={l}>
              {i > 0 ? " · " : ""}
              {l === language ? (
                <strong aria-current="page">{LANGUAGE_NAMES[l]}</strong>
              ) : (
                <Link to={`/learn/${resource.slug}/edit?lang=${l}`}>{LANGUAGE_NAMES[l]}</Link>
              )}
              {resource.languages.includes(l) ? "" : ` (${t("learning.noVersion")})`}
            </span>
          ))}
        </p>
      </nav>
      {version ? null : <p className="notice">{t("learning.newTranslation", { language: LANGUAGE_NAMES[language] })}</p>}
      <LearningResourceForm
        key={language}
        lastResult={result}
        languageFixed
        submitLabel={t("learning.form.save")}
        defaultValue={{
          language,
          title: version?.title ?? "",
          summary: version?.summary ?? "",
          body: version?.body ?? "",
          format: resource.format,
          level: resource.level,
          country: resource.country,
          dimensions: resource.dimensions,
          questionIds: resource.questionIds,
        }}
      />

      <h2>{t("learning.attachments")}</h2>
      {resource.attachments.length === 0 ? <p>{t("learning.noAttachments")}</p> : null}
      <ul>
        {resource.attachments.map((a) => (
          <li key={a.id}>
            <a href={`/learn/files/${a.id}`}>{a.fileName}</a> (
            {t("learning.fileSize", { size: formatNumber(Math.ceil(a.size / 1024), i18n.language) })}){" "}
            <Form method="post" action={here} className="actions">
              <input type="hidden" name="intent" value="deleteAttachment" />
              <input type="hidden" name="attachmentId" value={a.id} />
              <button type="submit" className="button-secondary" aria-label={t("learning.removeFile", { name: a.fileName })}>
                {t("learning.remove")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" action={here} encType="multipart/form-data" className="form">
        <div className="field">
          <label htmlFor="attachment-file">{t("learning.attachFile")}</label>
          <p id="attachment-hint" className="field-hint">
            {t("learning.attachHint", { max: formatNumber(maxMegabytes, i18n.language) })}
          </p>
          <input id="attachment-file" type="file" name="file" required aria-describedby="attachment-hint attachment-errors" />
          <ErrorList id="attachment-errors" errors={errorsOf("upload")} values={{ max: formatNumber(maxMegabytes, i18n.language) }} />
        </div>
        <div className="actions">
          <button type="submit">{t("learning.attach")}</button>
        </div>
      </Form>

      <h2>{t("learning.dangerZone")}</h2>
      {version && resource.languages.length > 1 ? (
        <Form method="post" action={here} className="actions">
          <input type="hidden" name="intent" value="deleteVersion" />
          <button type="submit" className="button-danger">
            {t("learning.deleteVersion", { language: LANGUAGE_NAMES[language] })}
          </button>
          <ErrorList errors={errorsOf("deleteVersion")} />
        </Form>
      ) : null}
      <Form method="post" action={here} className="form">
        <input type="hidden" name="intent" value="deleteResource" />
        <div className="field field-checkbox">
          <input type="checkbox" id="confirm-delete" name="confirm" aria-describedby="delete-errors" />
          <label htmlFor="confirm-delete">{t("learning.confirmDelete")}</label>
        </div>
        <ErrorList id="delete-errors" errors={errorsOf("deleteResource")} />
        <div className="actions">
          <button type="submit" className="button-danger">
            {t("learning.deleteResource")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
