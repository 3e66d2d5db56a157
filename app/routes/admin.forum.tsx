import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { createCategory, listCategoriesForAdmin, moveCategory, updateCategory } from "~/models/forum-category.server";
import { requireUser } from "~/utils/auth.server";
import { EditCategorySchema, MoveCategorySchema, NewCategorySchema } from "~/utils/forum-category-validation";
import { formatNumber } from "~/utils/format";
import { directionOf, LANGUAGE_NAMES, localized, SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { requirePermission } from "~/utils/permissions.server";
import { COUNTRY_CODES, countryName } from "~/utils/reference-data";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:forum");
  const t = await getFixedT(request);
  return { title: t("forumAdmin.title"), categories: await listCategoriesForAdmin() };
}

type ActionResult = { form: string; result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "manage:forum");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: NewCategorySchema });
    if (submission.status !== "success") return data<ActionResult>({ form: "create", result: submission.reply() }, { status: 400 });
    const { kind, country, ...texts } = submission.value;
    const created = await createCategory({ texts, kind, country: country ?? null });
    if ("error" in created) {
      const message = {
        slug_taken: "forumAdmin.errors.slugTaken",
        slug_reserved: "forumAdmin.errors.slugReserved",
        invalid_slug: "forumAdmin.errors.nameNeedsLetters",
      }[created.error];
      return data<ActionResult>({ form: "create", result: submission.reply({ fieldErrors: { "name.en": [message] } }) }, { status: 400 });
    }
    return redirect(`/admin/forum#category-${created.slug}`);
  }
  if (intent === "edit") {
    const submission = parseWithZod(formData, { schema: EditCategorySchema });
    const form = `edit-${String(formData.get("id") ?? "")}`;
    if (submission.status !== "success") return data<ActionResult>({ form, result: submission.reply() }, { status: 400 });
    const { id, ...texts } = submission.value;
    if (!(await updateCategory({ id, texts }))) throw new Response("Not Found", { status: 404 });
    return redirect("/admin/forum");
  }
  if (intent === "move") {
    const move = MoveCategorySchema.safeParse({ id: formData.get("id"), direction: formData.get("direction") });
    if (!move.success) throw new Response("Bad Request", { status: 400 });
    if (!(await moveCategory(move.data))) throw new Response("Not Found", { status: 404 });
    return redirect("/admin/forum");
  }
  throw new Response("Unknown action", { status: 400 });
}

type Category = ReturnType<typeof useLoaderData<typeof loader>>["categories"][number];

export default function AdminForumPage() {
  const { t } = useTranslation();
  const { title, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const groups = [
    { kind: "theme", heading: t("forum.themes") },
    { kind: "country", heading: t("forum.countries") },
  ] as const;
  return (
    <section className="forum-admin">
      <h1>{title}</h1>
      <p>{t("forumAdmin.intro")}</p>
      <p className="actions">
        <Link to="/forum">{t("forumAdmin.toForum")}</Link>
        <Link to="/admin/users">{t("admin.title")}</Link>
      </p>
      {categories.length === 0 ? <p>{t("forumAdmin.none")}</p> : null}
      {groups.map((group) => {
        const list = categories.filter((c) => c.kind === group.kind);
        if (list.length === 0) return null;
        return (
          <section key={group.kind} aria-labelledby={`categories-${group.kind}`}>
            <h2 id={`categories-${group.kind}`}>{group.heading}</h2>
            <ol className="category-admin-list">
              {list.map((category, index) => (
                <CategoryItem
                  key={category.id}
                  category={category}
                  first={index === 0}
                  last={index === list.length - 1}
                  lastResult={actionData?.form === `edit-${category.id}` ? actionData.result : undefined}
                />
              ))}
            </ol>
          </section>
        );
      })}
      <NewCategoryForm lastResult={actionData?.form === "create" ? actionData.result : undefined} />
    </section>
  );
}

function CategoryItem({
  category,
  first,
  last,
  lastResult,
}: {
  category: Category;
  first: boolean;
  last: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const name = localized(category.name, language);
  const country = category.country ? countryName(t, category.country) : undefined;
  return (
    <li id={`category-${category.slug}`} className="category-admin">
      <h3>{name}</h3>
      <p>
        {category.kind === "country" ? t("forumAdmin.countryKind", { country: country ?? "" }) : t("forumAdmin.themeKind")}
        {" · "}
        {t("forumAdmin.threads", { count: category.threadCount, formatted: formatNumber(category.threadCount, language) })}
        {" · "}
        <Link to={`/forum/${category.slug}`}>/forum/{category.slug}</Link>
      </p>
      {first && last ? null : (
        <div className="actions">
          {first ? null : <MoveButton category={category} name={name} direction="up" />}
          {last ? null : <MoveButton category={category} name={name} direction="down" />}
        </div>
      )}
      <EditCategoryForm category={category} name={name} lastResult={lastResult} />
    </li>
  );
}

function MoveButton({ category, name, direction }: { category: Category; name: string; direction: "up" | "down" }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="id" value={category.id} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        className="button-secondary"
        aria-label={t(direction === "up" ? "forumAdmin.moveUpLabel" : "forumAdmin.moveDownLabel", { name })}
      >
        {t(direction === "up" ? "forumAdmin.moveUp" : "forumAdmin.moveDown")}
      </button>
    </Form>
  );
}

function EditCategoryForm({ category, name, lastResult }: { category: Category; name: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useCheckedForm({
    id: `edit-${category.id}`,
    lastResult,
    constraint: getZodConstraint(EditCategorySchema),
    defaultValue: { id: category.id, name: category.name, description: category.description },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditCategorySchema }),
  });
  return (
    <details open={Boolean(lastResult)}>
      <summary>{t("forumAdmin.editSummary", { name })}</summary>
      <Form method="post" {...getFormProps(form)} className="form" aria-label={t("forumAdmin.editLabel", { name })}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="id" value={category.id} />
        <CategoryTextFields name={fields.name} description={fields.description} />
        <p className="field-hint">{t("forumAdmin.slugKept", { slug: category.slug })}</p>
        <button type="submit">{t("forumAdmin.save")}</button>
      </Form>
    </details>
  );
}

function NewCategoryForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useCheckedForm({
    id: "new-category",
    lastResult,
    constraint: getZodConstraint(NewCategorySchema),
    defaultValue: { kind: "theme" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewCategorySchema }),
  });
  return (
    <section aria-labelledby="new-category-heading">
      <h2 id="new-category-heading">{t("forumAdmin.newHeading")}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <CategoryTextFields name={fields.name} description={fields.description} slugHint />
        <SelectField
          field={fields.kind}
          label={t("forumAdmin.fields.kind")}
          placeholder={t("fields.choose")}
          options={[
            { value: "theme", label: t("forumAdmin.themeOption") },
            { value: "country", label: t("forumAdmin.countryOption") },
          ]}
        />
        <SelectField
          field={fields.country}
          label={t("forumAdmin.fields.country")}
          hint={t("forumAdmin.countryHint")}
          placeholder={t("fields.choose")}
          options={COUNTRY_CODES.map((code) => ({ value: code, label: countryName(t, code) }))}
        />
        <button type="submit">{t("forumAdmin.create")}</button>
      </Form>
    </section>
  );
}

type TextsField = FieldMetadata<Record<string, string | undefined> | undefined, Record<string, unknown>, string[]>;

/** The name and description in each language, a group of fields per language; English is required and gives a new category its address. */
function CategoryTextFields({ name, description, slugHint = false }: { name: TextsField; description: TextsField; slugHint?: boolean }) {
  const { t } = useTranslation();
  const names = name.getFieldset();
  const descriptions = description.getFieldset();
  return (
    <>
      <p className="field-hint">{t("forumAdmin.languagesHint")}</p>
      {SUPPORTED_LANGUAGES.map((language) => {
        const readerName = t(`forum.languageNames.${language}`);
        return (
          <fieldset key={language} className="field-group">
            <legend>
              {language === "en" ? t("forumAdmin.requiredLanguage", { language: readerName }) : readerName}
              {LANGUAGE_NAMES[language] !== readerName ? (
                <>
                  {" · "}
                  <span lang={language}>{LANGUAGE_NAMES[language]}</span>
                </>
              ) : null}
            </legend>
            <TextField
              field={names[language]!}
              label={t("forumAdmin.fields.name")}
              hint={language === "en" && slugHint ? t("forumAdmin.slugHint") : undefined}
              lang={language}
              dir={directionOf(language)}
            />
            <TextAreaField
              field={descriptions[language]!}
              label={t("forumAdmin.fields.description")}
              rows={2}
              lang={language}
              dir={directionOf(language)}
            />
          </fieldset>
        );
      })}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
