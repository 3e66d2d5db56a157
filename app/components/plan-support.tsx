import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { directionOf, LANGUAGE_NAMES, type Language } from "~/utils/i18n";

export interface PlanResourceLink {
  slug: string;
  title: string;
  language: string;
}

/** Under a plan item: the guides for its question, in the reader's language first, and the way to all of them. */
export function PlanResources({ questionId, links }: { questionId: string; links?: PlanResourceLink[] }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="plan-resources">
      {" "}
      {links && links.length > 0 ? (
        <>
          {t("learning.plan.resources")}{" "}
          {links.map((link, index) => (
            <span key={link.slug}>
              {index > 0 ? ", " : ""}
              <Link to={`/learn/${link.slug}?lang=${link.language}`} lang={link.language} dir={directionOf(link.language)}>
                {link.title}
              </Link>
              {link.language !== i18n.language
                ? ` ${t("learning.plan.inLanguage", { language: LANGUAGE_NAMES[link.language as Language] ?? link.language })}`
                : ""}
            </span>
          ))}
          {" · "}
        </>
      ) : null}
      <QuestionResourcesLink questionId={questionId} />
    </span>
  );
}

/** The library's resources for one question (a result row's "learn more"). */
export function QuestionResourcesLink({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  return (
    <Link to={`/learn?question=${questionId}`} className="question-resources">
      {t("learning.plan.more")}
    </Link>
  );
}

/** From the improvement plan to asking for a mentor. */
export function AskForMentorLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/enterprises/${slug}/mentorship`}>{t("mentorship.askMentor")}</Link>
    </p>
  );
}
