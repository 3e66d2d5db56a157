import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { I18nextProvider, useTranslation } from "react-i18next";
import {
  currentMethodology,
  findMethodology,
  methodologies,
  usesLegalForms,
  type LegalFormGroup,
  type Methodology,
  type Question,
} from "../../scoring";
import { formatDate, formatList, formatNumber } from "~/utils/format";
import { getLanguage, i18nFor } from "~/utils/i18next.server";
import { keepHtml } from "~/utils/kept-html.server";
import { notFound } from "~/utils/permissions.server";
import {
  dimensionName,
  questionText as questionTextOf,
  questionHelp,
  optionLabel,
  tierName,
  eligibilityLabel,
} from "~/utils/methodology-text";
import { KeptHtml } from "~/components/kept-html";
import { TableCaption, TableScroll } from "~/components/table-scroll";
import { pageMeta } from "~/utils/page-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const version = params.version ?? currentMethodology.version;
  const methodology: Methodology | undefined = findMethodology(version);
  if (!methodology) notFound();
  const language = await getLanguage(request);
  const i18n = await i18nFor(language);
  const t = i18n.getFixedT(language);
  const outline = outlineOf(methodology);
  // The page's body is the same for every reader in a language: rendered once, then served as it is.
  keepHtml(detailId(outline.version, language), () => (
    <I18nextProvider i18n={i18n}>
      <MethodologyDetail methodology={outline} />
    </I18nextProvider>
  ));
  return {
    title: t("methodology.title", { version: methodology.version }),
    description: t("methodology.intro"),
    methodology: outline,
    isCurrent: methodology.version === currentMethodology.version,
    versions: Object.values(methodologies).map((m) => ({ version: m.version, publishedAt: m.publishedAt })),
  };
}

const detailId = (version: string, language: string) => `methodology-${version}-${language}`;

/**
 * What the page shows of a methodology: its structure and points. Its words are in the translations the
 * browser has already; the English and Russian texts the rating keeps beside them stay on the server.
 */
function outlineOf(methodology: Methodology) {
  return {
    version: methodology.version,
    publishedAt: methodology.publishedAt,
    usesLegalForms: usesLegalForms(methodology),
    dimensions: methodology.dimensions.map(({ id, weight }) => ({ id, weight })),
    tiers: methodology.tiers.map(({ id, minScore }) => ({ id, minScore })),
    criteria: methodology.eligibility.criteria.map(({ id, question, oneOf, min, legalForms }) => ({
      id,
      question,
      oneOf,
      min,
      legalForms,
    })),
    questions: methodology.questions.map(questionOutlineOf),
  };
}

function questionOutlineOf(question: Question) {
  return {
    id: question.id,
    dimension: question.dimension,
    type: question.type,
    maxPoints: question.maxPoints,
    hasHelp: Boolean(question.help),
    allowNotApplicable: question.allowNotApplicable,
    appliesWhen: question.appliesWhen,
    partOf: question.partOf,
    legalForms: question.legalForms,
    options: question.options?.map(({ id, points }) => ({ id, points })),
    bands: question.bands,
    /** The groups of legal forms it has its own words for, and whether those include help. */
    wordings: Object.entries(question.wordingFor ?? {}).map(([group, wording]) => ({
      group: group as LegalFormGroup,
      hasHelp: Boolean(wording.help),
    })),
  };
}

type Outline = ReturnType<typeof outlineOf>;
type QuestionOutline = Outline["questions"][number];

function PointsTable({
  id,
  caption,
  heading,
  rows,
}: {
  id: string;
  caption: string;
  heading: string;
  rows: { key: string; label: string; points: number }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <TableScroll captionId={id}>
      <table>
        <TableCaption className="visually-hidden">{caption}</TableCaption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="number">
              {t("methodology.points")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.label}</td>
              <td className="number">{formatNumber(row.points, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The groups of legal forms a question or criterion is limited to, as a list in the reader's language. */
function GroupList({ groups }: { groups: readonly LegalFormGroup[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {formatList(
        groups.map((g) => t(`methodology.legalFormGroup.${g}`)),
        i18n.language,
      )}
    </>
  );
}

/** Which kinds of organisation a question is asked of, and its own words for some of them. */
function QuestionLegalForms({ question }: { question: QuestionOutline }) {
  const { t } = useTranslation();
  const { wordings } = question;
  if (!question.legalForms && !wordings.length) return null;
  return (
    <>
      {question.legalForms ? (
        <p className="legal-form-applicability">
          {t("methodology.askedOnlyOf")} <GroupList groups={question.legalForms} />. {t("methodology.notAskedOthers")}
        </p>
      ) : null}
      {wordings.map(({ group, hasHelp }) => (
        <div key={group} className="legal-form-wording">
          <p>
            <strong>{t("methodology.wordedFor", { group: t(`methodology.legalFormGroup.${group}`) })}</strong>{" "}
            {questionTextOf(t, question.id, group)}
          </p>
          {hasHelp ? <p>{questionHelp(t, question.id, group)}</p> : null}
        </div>
      ))}
    </>
  );
}

function QuestionPoints({ question }: { question: QuestionOutline }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (question.options) {
    return (
      <PointsTable
        id={`q-${question.id}-points`}
        caption={t("methodology.optionsOf", { id: questionTextOf(t, question.id) })}
        heading={t("methodology.option")}
        rows={question.options.map((o) => ({ key: o.id, label: optionLabel(t, question.id, o.id), points: o.points }))}
      />
    );
  }
  if (question.bands) {
    const range = (min: number, max?: number) =>
      max === undefined
        ? t("methodology.atLeast", { min: formatNumber(min, language) })
        : t("methodology.between", { min: formatNumber(min, language), max: formatNumber(max, language) });
    return (
      <>
        {question.bands.length > 1 ? <p className="field-hint">{t("methodology.bandRule")}</p> : null}
        <PointsTable
          id={`q-${question.id}-points`}
          caption={t("methodology.bandsOf", { id: questionTextOf(t, question.id) })}
          heading={t("methodology.range")}
          rows={question.bands.map((b) => ({ key: `${b.min}-${b.max}`, label: range(b.min, b.max), points: b.points }))}
        />
      </>
    );
  }
  return null;
}

export default function MethodologyPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { methodology, isCurrent, versions, title } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{title}</h1>
      <p>
        {t("methodology.published", { date: formatDate(methodology.publishedAt, language) })}{" "}
        {isCurrent ? t("methodology.current") : <Link to="/methodology">{t("methodology.seeCurrent")}</Link>}
      </p>
      <p>{t("methodology.intro")}</p>

      <KeptHtml id={detailId(methodology.version, language)}>
        <MethodologyDetail methodology={methodology} />
      </KeptHtml>

      <h2>{t("methodology.versions")}</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            <Link to={`/methodology/${v.version}`}>{t("methodology.versionLabel", { version: v.version })}</Link> ·{" "}
            {formatDate(v.publishedAt, language)}
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The dimensions, tiers, eligibility gate and every question with its points: the same for every reader in a language. */
function MethodologyDetail({ methodology }: { methodology: Outline }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const questionText = (id: string) => {
    const q = methodology.questions.find((question) => question.id === id);
    return q ? questionTextOf(t, q.id) : id;
  };
  return (
    <>
      <h2>{t("methodology.dimensions")}</h2>
      <TableScroll captionId="dimensions-caption">
        <table>
          <TableCaption>{t("methodology.dimensionsCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("methodology.dimension")}</th>
              <th scope="col" className="number">
                {t("methodology.weight")}
              </th>
              <th scope="col" className="number">
                {t("methodology.questionCount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {methodology.dimensions.map((dimension) => (
              <tr key={dimension.id}>
                <td>
                  <a href={`#${dimension.id}`}>{dimensionName(t, dimension.id)}</a>
                </td>
                <td className="number">{formatNumber(dimension.weight, language, { style: "percent", maximumFractionDigits: 1 })}</td>
                <td className="number">
                  {formatNumber(methodology.questions.filter((q) => q.dimension === dimension.id).length, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t("methodology.tiers")}</h2>
      <TableScroll captionId="tiers-caption">
        <table>
          <TableCaption>{t("methodology.tiersCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("methodology.tier")}</th>
              <th scope="col" className="number">
                {t("methodology.minScore")}
              </th>
            </tr>
          </thead>
          <tbody>
            {methodology.tiers.map((tier) => (
              <tr key={tier.id}>
                <td>{tierName(t, tier.id)}</td>
                <td className="number">{formatNumber(tier.minScore, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t("methodology.eligibility")}</h2>
      <p>{t("methodology.eligibilityIntro")}</p>
      <ul>
        {methodology.criteria.map((criterion) => (
          <li key={criterion.id}>
            <strong>{eligibilityLabel(t, criterion.id)}</strong>: {questionText(criterion.question)}
            {criterion.min !== undefined ? ` ≥ ${formatNumber(criterion.min, language)}` : ""}
            {criterion.oneOf ? ` (${t("methodology.oneOf")})` : ""}
            {criterion.legalForms ? (
              <>
                {" "}
                ({t("methodology.criterionOnlyFor")} <GroupList groups={criterion.legalForms} />)
              </>
            ) : null}
          </li>
        ))}
      </ul>

      {methodology.usesLegalForms ? (
        <>
          <h2>{t("methodology.legalForms")}</h2>
          <p>{t("methodology.legalFormsIntro")}</p>
          <ul>
            {(["company", "nonprofit", "cooperative", "individual"] as const).map((group) => (
              <li key={group}>
                <strong>{t(`methodology.legalFormGroup.${group}`)}</strong>: {t(`methodology.legalFormGroupForms.${group}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {methodology.dimensions.map((dimension) => (
        <section key={dimension.id} aria-labelledby={dimension.id}>
          <h2 id={dimension.id}>
            {dimensionName(t, dimension.id)} ({formatNumber(dimension.weight, language, { style: "percent", maximumFractionDigits: 1 })})
          </h2>
          <ol>
            {methodology.questions
              .filter((question) => question.dimension === dimension.id)
              .map((question) => (
                <li key={question.id} id={`q-${question.id}`}>
                  <h3>{questionTextOf(t, question.id)}</h3>
                  {question.hasHelp ? <p>{questionHelp(t, question.id)}</p> : null}
                  <p>
                    {t(`methodology.type.${question.type}`)} ·{" "}
                    {t("methodology.maxPoints", { points: formatNumber(question.maxPoints, language) })}
                    {question.allowNotApplicable ? ` · ${t("methodology.mayBeNotApplicable")}` : ""}
                  </p>
                  {question.appliesWhen ? (
                    <p>
                      {t("methodology.appliesWhen", { question: questionText(question.appliesWhen.question) })}
                      {question.appliesWhen.min !== undefined ? ` ≥ ${formatNumber(question.appliesWhen.min, language)}` : ""}
                    </p>
                  ) : null}
                  {question.partOf ? <p>{t("methodology.partOf", { question: questionText(question.partOf) })}</p> : null}
                  <QuestionLegalForms question={question} />
                  <QuestionPoints question={question} />
                </li>
              ))}
          </ol>
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description);
