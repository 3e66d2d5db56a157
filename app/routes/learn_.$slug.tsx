import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ResourceFacts } from "~/routes/learn";
import { getResource, isEnterpriseMember, setProgress } from "~/models/learning.server";
import { getOptionalUser, requireUser } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { directionOf, isLanguage, isolate, LANGUAGE_NAMES, type Language } from "~/utils/i18n";
import { getFixedT, getLanguage } from "~/utils/i18next.server";
import { questionText } from "~/utils/methodology-text";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden, notFound, userCan } from "~/utils/permissions.server";

async function wantedLanguage(request: Request) {
  const asked = new URL(request.url).searchParams.get("lang");
  return isLanguage(asked) ? asked : getLanguage(request);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const resource = await getResource({ slug: params.slug ?? "", language: await wantedLanguage(request), userId: user?.id });
  if (!resource) notFound();
  const t = await getFixedT(request);
  return {
    title: resource.version.title,
    pageTitle: t("learning.title"),
    resource,
    canMark: user ? await isEnterpriseMember(user.id) : false,
    signedIn: Boolean(user),
    canWrite: userCan(user, "write:learning"),
  };
}

const MarkSchema = z.object({
  mark: z.enum(["useful", "done"]),
  value: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Marks are for the people working on an enterprise's plan.
  if (!(await isEnterpriseMember(user.id))) forbidden();
  const parsed = MarkSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unknown mark", { status: 400 });
  const progress = await setProgress({ userId: user.id, slug: params.slug ?? "", ...parsed.data });
  if (!progress) notFound();
  const lang = new URL(request.url).searchParams.get("lang");
  const back = `/learn/${params.slug}${isLanguage(lang) ? `?lang=${lang}` : ""}`;
  return redirectWithNotice(back, `learning.notice.${parsed.data.mark}${parsed.data.value ? "" : "Cleared"}`);
}

export default function LearningResourcePage() {
  const { t, i18n } = useTranslation();
  const { resource, canMark, signedIn, canWrite } = useLoaderData<typeof loader>();
  const version = resource.version;
  const here = `/learn/${resource.slug}?lang=${version.language}`;
  const markButton = (mark: "useful" | "done") => {
    const on = resource.progress[mark];
    return (
      <Form method="post" action={here}>
        <input type="hidden" name="mark" value={mark} />
        <input type="hidden" name="value" value={on ? "false" : "true"} />
        <button type="submit" className={on ? "button-secondary" : undefined} aria-pressed={on}>
          {t(`learning.mark.${mark}${on ? "On" : ""}`)}
        </button>
      </Form>
    );
  };
  return (
    <article>
      <p>
        <Link to="/learn">{t("learning.backToLibrary")}</Link>
      </p>
      <div lang={version.language} dir={directionOf(version.language)}>
        <h1>{version.title}</h1>
        <p>
          <strong>{version.summary}</strong>
        </p>
      </div>
      <ResourceFacts resource={resource} />
      {resource.languages.length > 1 ? (
        <nav aria-label={t("learning.otherLanguages")}>
          <p>
            {t("learning.otherLanguages")}:{" "}
            {resource.languages.map((l, i) => (
              <span key={l}>
                {i > 0 ? " · " : ""}
                {l === version.language ? (
                  <strong aria-current="page">{LANGUAGE_NAMES[l as Language] ?? l}</strong>
                ) : (
                  <Link to={`/learn/${resource.slug}?lang=${l}`} lang={l} hrefLang={l}>
                    {LANGUAGE_NAMES[l as Language] ?? l}
                  </Link>
                )}
              </span>
            ))}
          </p>
        </nav>
      ) : null}
      {version.language !== i18n.language && !resource.languages.includes(i18n.language) ? (
        <p className="notice">
          {t("learning.notInYourLanguage", { language: LANGUAGE_NAMES[version.language as Language] ?? version.language })}
        </p>
      ) : null}
      <div
        className="post-body"
        lang={version.language}
        dir={directionOf(version.language)}
        dangerouslySetInnerHTML={{ __html: version.html }}
      />
      {resource.attachments.length > 0 ? (
        <>
          <h2>{t("learning.attachments")}</h2>
          <ul>
            {resource.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/learn/files/${a.id}`} download>
                  {a.fileName}
                </a>{" "}
                ({t("learning.fileSize", { size: formatNumber(Math.ceil(a.size / 1024), i18n.language) })})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {resource.questionIds.length > 0 ? (
        <>
          <h2>{t("learning.helpsWith")}</h2>
          <ul>
            {resource.questionIds.map((q) => (
              <li key={q}>
                <Link to={`/learn?question=${q}`}>{questionText(t, q)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="field-hint">
        {t("learning.updated", {
          date: formatDate(version.updatedAt, i18n.language),
          author: isolate(resource.author?.displayName ?? t("site.name")),
        })}
      </p>
      {canMark ? (
        <section aria-labelledby="your-marks">
          <h2 id="your-marks">{t("learning.yourMarks")}</h2>
          <div className="actions">
            {markButton("useful")}
            {markButton("done")}
          </div>
        </section>
      ) : signedIn ? null : (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("learning.logInToMark")}</Link>
        </p>
      )}
      {canWrite ? (
        <p>
          <Link to={`/learn/${resource.slug}/edit?lang=${version.language}`}>{t("learning.edit")}</Link>
        </p>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · ${data?.pageTitle ?? ""} · Ortaq` }];
