import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/format";
import { questionText } from "~/utils/methodology-text";

export interface EvidenceEntry {
  id: string;
  questionId: string;
  kind: "file" | "link";
  href: string | null;
  fileName: string | null;
  size: number | null;
  uploadedBy: { displayName: string } | null;
}

/** One question's files and links: downloads go through the access-checked evidence route. */
export function EvidenceItems({ items, removable = false }: { items: EvidenceEntry[]; removable?: boolean }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="field-hint">{t("verification.noEvidence")}</p>;
  return (
    <ul className="evidence-items">
      {items.map((item) => (
        <li key={item.id}>
          {item.kind === "file" ? (
            <>
              <a href={item.href ?? "#"} download>
                {item.fileName}
              </a>{" "}
              ({t("verification.fileSize", { size: formatNumber(Math.max(1, Math.round((item.size ?? 0) / 1024)), i18n.language) })})
            </>
          ) : (
            <a href={item.href ?? "#"} rel="noopener noreferrer nofollow" target="_blank">
              {item.href}
            </a>
          )}
          {item.uploadedBy ? ` · ${item.uploadedBy.displayName}` : ""}
          {removable ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="itemId" value={item.id} />
              <button
                type="submit"
                name="intent"
                value="remove"
                className="button-secondary button-small"
                aria-label={t("verification.removeThis", { name: item.fileName ?? item.href })}
              >
                {t("verification.remove")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Evidence grouped by question, only for questions that have some. */
export function EvidenceList({
  questions,
  evidence,
  removable = false,
}: {
  questions: { id: string; text: { en: string; ru: string } }[];
  evidence: EvidenceEntry[];
  removable?: boolean;
}) {
  const { t } = useTranslation();
  const withEvidence = questions.filter((q) => evidence.some((e) => e.questionId === q.id));
  if (withEvidence.length === 0) return <p>{t("verification.noEvidenceYet")}</p>;
  return (
    <dl className="evidence-list">
      {withEvidence.map((q) => (
        <div key={q.id} id={`evidence-${q.id}`}>
          <dt>{questionText(t, q.id)}</dt>
          <dd>
            <EvidenceItems items={evidence.filter((e) => e.questionId === q.id)} removable={removable} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
