import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { applicableQuestions } from "../../scoring";
import { EvidenceList } from "~/components/evidence-list";
import { VerificationLog, VerificationMessages } from "~/components/verification-log";
import { methodologyOf, requireAssessmentMember } from "~/models/assessment.server";
import {
  addEvidenceFile,
  addEvidenceLink,
  addMessage,
  getVerification,
  listEvidence,
  listMessages,
  listVerificationLog,
  removeEvidence,
  requestVerification,
  verifiedAnswers,
} from "~/models/verification.server";
import { answerText } from "~/utils/answer-text";
import { requireUser } from "~/utils/auth.server";
import { deleteEvidenceFile, evidenceSettings, receiveEvidenceUpload } from "~/utils/evidence-files.server";
import { formatDate, formatNumber } from "~/utils/format";
import { localized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18next.server";
import { forbidden } from "~/utils/permissions.server";
import { trustLabel } from "~/utils/trust";
import { IdSchema } from "~/utils/validation";
import { EvidenceLinkSchema, MessageSchema } from "~/utils/verification-validation";
import { dimensionName, questionText, tierName } from "~/utils/methodology-text";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment, role } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  if (assessment.status !== "submitted" || !assessment.result) throw redirect(base);
  const methodology = methodologyOf(assessment.methodologyVersion);
  const [verification, evidence, messages, log] = await Promise.all([
    getVerification(assessment.id),
    listEvidence(assessment.id),
    listMessages(assessment.id),
    listVerificationLog(assessment.id),
  ]);
  const t = await getFixedT(request);
  const selfResult = assessment.result;
  const verifiedResult = verification?.status === "completed" ? verification.result : null;
  const verified = verification ? verifiedAnswers(assessment.answers, verification.decisions) : assessment.answers;
  const questionById = new Map(methodology.questions.map((q) => [q.id, q]));
  return {
    title: t("verification.enterpriseTitle", { name: enterprise.name }),
    base,
    isOwner: role === "owner",
    maxMegabytes: Math.round((evidenceSettings().maxBytes / 1024 / 1024) * 10) / 10,
    questions: applicableQuestions(methodology, assessment.answers).map((q) => ({ id: q.id, text: q.text })),
    verification: verification
      ? {
          status: verification.status,
          requestedAt: verification.requestedAt,
          completedAt: verification.completedAt,
          organisation: verification.organisation ?? verification.verifier?.organisation ?? null,
          trust: verification.completedAt ? trustLabel(verification.completedAt) : null,
          changes: Object.entries(verification.decisions)
            .filter(([, d]) => d.decision === "changed")
            .map(([questionId, d]) => {
              const q = questionById.get(questionId)!;
              return {
                questionId,
                text: q.text,
                beforeValue: assessment.answers[questionId] ?? null,
                afterValue: verified[questionId] ?? null,
                reason: d.decision === "changed" ? d.reason : "",
                options: q.options ?? null,
                unit: q.unit ?? null,
              };
            }),
        }
      : null,
    difference: verifiedResult
      ? {
          overall: { self: selfResult.overall, verified: verifiedResult.overall },
          tier: { self: selfResult.tier, verified: verifiedResult.tier },
          dimensions: methodology.dimensions.map((d) => ({
            id: d.id,
            label: d.label,
            self: selfResult.dimensions.find((x) => x.id === d.id)?.score ?? 0,
            verified: verifiedResult.dimensions.find((x) => x.id === d.id)?.score ?? 0,
          })),
          tiers: methodology.tiers.map((x) => ({ id: x.id, label: x.label })),
        }
      : null,
    evidence: evidence.map((item) => ({ ...item, href: item.kind === "file" ? `/evidence/${item.id}` : item.url })),
    messages,
    log,
  };
}

const UPLOAD_STATUS = { too_large: 413, bad_type: 415, empty: 400, missing: 400, malformed: 400 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment, role } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  const page = `${base}/verification`;
  if (assessment.status !== "submitted") return data({ form: "request", error: "verification.errors.not_submitted" }, { status: 400 });
  const methodology = methodologyOf(assessment.methodologyVersion);
  const isQuestion = (id: string) => applicableQuestions(methodology, assessment.answers).some((q) => q.id === id);

  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const { formData, file, problem } = await receiveEvidenceUpload(request);
    const questionId = String(formData?.get("questionId") ?? "");
    if (!file || problem) return data({ form: "upload", questionId, error: `verification.upload.${problem ?? "missing"}` }, { status: UPLOAD_STATUS[problem ?? "missing"] });
    if (!isQuestion(questionId)) {
      await deleteEvidenceFile(file.storageName);
      return data({ form: "upload", questionId, error: "verification.errors.question" }, { status: 400 });
    }
    const outcome = await addEvidenceFile({ assessmentId: assessment.id, questionId, userId: user.id, upload: file });
    if (!outcome.ok) return data({ form: "upload", questionId, error: `verification.errors.${outcome.error}` }, { status: 409 });
    return redirect(`${page}?added=file`);
  }

  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "request") {
    if (role !== "owner") forbidden();
    const outcome = await requestVerification({ assessmentId: assessment.id, userId: user.id });
    if (!outcome.ok) return data({ form: "request", error: `verification.errors.${outcome.error}` }, { status: 409 });
    return redirect(`${page}?requested=1`);
  }
  if (intent === "link") {
    const parsed = EvidenceLinkSchema.safeParse({ questionId: formData.get("questionId"), url: formData.get("url") });
    const typed = { questionId: String(formData.get("questionId") ?? ""), url: String(formData.get("url") ?? "") };
    if (!parsed.success) return data({ form: "link", ...typed, error: parsed.error.issues[0]!.message }, { status: 400 });
    if (!isQuestion(parsed.data.questionId)) return data({ form: "link", ...typed, error: "verification.errors.question" }, { status: 400 });
    const outcome = await addEvidenceLink({ assessmentId: assessment.id, userId: user.id, ...parsed.data });
    if (!outcome.ok) return data({ form: "link", ...typed, error: `verification.errors.${outcome.error}` }, { status: 409 });
    return redirect(`${page}?added=link`);
  }
  if (intent === "remove") {
    const itemId = IdSchema.safeParse(formData.get("itemId"));
    if (!itemId.success) return data({ form: "evidence", error: "verification.errors.not_found" }, { status: 400 });
    const outcome = await removeEvidence({ assessmentId: assessment.id, itemId: itemId.data, userId: user.id });
    if (!outcome.ok) return data({ form: "evidence", error: `verification.errors.${outcome.error}` }, { status: outcome.error === "not_found" ? 404 : 409 });
    return redirect(`${page}?removed=1`);
  }
  if (intent === "message") {
    const parsed = MessageSchema.safeParse({ body: formData.get("body") });
    if (!parsed.success) return data({ form: "message", body: String(formData.get("body") ?? ""), error: parsed.error.issues[0]!.message }, { status: 400 });
    await addMessage({ assessmentId: assessment.id, authorId: user.id, body: parsed.data.body });
    return redirect(`${page}?sent=1#messages`);
  }
  return data({ form: "request", error: "verification.errors.unknown" }, { status: 400 });
}

type ActionData = { form: string; error: string; questionId?: string; url?: string; body?: string };

export default function EnterpriseVerificationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, base, isOwner, maxMegabytes, questions, verification, difference, evidence, messages, log } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [searchParams] = useSearchParams();
  const errorFor = (form: string) => (actionData?.form === form ? actionData.error : undefined);
  const open = !verification || verification.status !== "completed";
  const notice = searchParams.get("requested") ? "requested" : searchParams.get("added") ? `added_${searchParams.get("added")}` : searchParams.get("removed") ? "removed" : searchParams.get("sent") ? "sent" : null;
  const score = (x: number) => formatNumber(x, language, { maximumFractionDigits: 1 });
  const tierLabel = (id: string) => tierName(t, id);
  const value = (questionId: string, v: unknown, options: { id: string }[] | null, unit: unknown) =>
    answerText({ id: questionId, options: options ?? undefined, unit: unit ?? undefined } as never, (v ?? undefined) as never, language, t);

  return (
    <article>
      <p>
        <Link to={`${base}/results`}>{t("verification.backToResults")}</Link>
      </p>
      <h1>{title}</h1>
      {notice ? (
        <p role="status" className="notice">
          {t(`verification.notice.${notice}`)}
        </p>
      ) : null}

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("verification.statusHeading")}</h2>
        {!verification ? (
          <>
            <p>{t("verification.notRequested")}</p>
            {isOwner ? (
              <Form method="post">
                {errorFor("request") ? (
                  <p role="alert" className="form-errors">
                    {t(errorFor("request")!)}
                  </p>
                ) : null}
                <button type="submit" name="intent" value="request">
                  {t("verification.request")}
                </button>
              </Form>
            ) : (
              <p>{t("verification.ownerRequests")}</p>
            )}
          </>
        ) : (
          <p>
            {t(`verification.status.${verification.status}`, {
              requested: formatDate(verification.requestedAt, language),
              completed: verification.completedAt ? formatDate(verification.completedAt, language) : "",
              organisation: verification.organisation ?? "—",
            })}
            {verification.trust === "expired" ? ` ${t("verification.expiredNote")}` : ""}
          </p>
        )}
      </section>

      {difference ? (
        <section aria-labelledby="difference-heading">
          <h2 id="difference-heading">{t("verification.differenceHeading")}</h2>
          <p>{t("verification.differenceIntro")}</p>
          <table>
            <caption>{t("verification.differenceCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rating.dimension")}</th>
                <th scope="col" className="number">{t("verification.selfScore")}</th>
                <th scope="col" className="number">{t("verification.verifiedScore")}</th>
                <th scope="col" className="number">{t("verification.difference")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("verification.overall")}</th>
                <td className="number">{score(difference.overall.self)}</td>
                <td className="number">{score(difference.overall.verified)}</td>
                <td className="number">{formatNumber(difference.overall.verified - difference.overall.self, language, { maximumFractionDigits: 1, signDisplay: "exceptZero" })}</td>
              </tr>
              {difference.dimensions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{dimensionName(t, d.id)}</th>
                  <td className="number">{score(d.self)}</td>
                  <td className="number">{score(d.verified)}</td>
                  <td className="number">{formatNumber(d.verified - d.self, language, { maximumFractionDigits: 1, signDisplay: "exceptZero" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t("verification.tierChange", { self: tierLabel(difference.tier.self), verified: tierLabel(difference.tier.verified) })}</p>
        </section>
      ) : null}

      {verification && verification.changes.length > 0 ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t("verification.changesHeading")}</h2>
          <table>
            <caption>{t("verification.changesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.question")}</th>
                <th scope="col">{t("verification.yourAnswer")}</th>
                <th scope="col">{t("verification.verifiedAnswer")}</th>
                <th scope="col">{t("verification.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {verification.changes.map((c) => (
                <tr key={c.questionId}>
                  <td>{questionText(t, c.questionId)}</td>
                  <td>{value(c.questionId, c.beforeValue, c.options, c.unit)}</td>
                  <td>{value(c.questionId, c.afterValue, c.options, c.unit)}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t("verification.evidenceHeading")}</h2>
        <p>{t("verification.evidenceIntro")}</p>
        {errorFor("evidence") ? (
          <p role="alert" className="form-errors">
            {t(errorFor("evidence")!)}
          </p>
        ) : null}
        <EvidenceList questions={questions} evidence={evidence} removable={open} />
        {open ? (
          <>
            <h3 id="upload-heading">{t("verification.uploadHeading")}</h3>
            <Form method="post" encType="multipart/form-data" className="form" aria-labelledby="upload-heading">
              {errorFor("upload") ? (
                <p role="alert" className="form-errors" id="upload-error">
                  {t(errorFor("upload")!, { max: maxMegabytes })}
                </p>
              ) : null}
              <QuestionSelect id="upload-question" questions={questions} defaultValue={actionData?.form === "upload" ? actionData.questionId : undefined} />
              <div className="field">
                <label htmlFor="upload-file">{t("verification.file")}</label>
                <p className="field-hint" id="upload-file-hint">
                  {t("verification.fileHint", { max: maxMegabytes })}
                </p>
                <input
                  type="file"
                  id="upload-file"
                  name="file"
                  required
                  accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.doc,.xls"
                  aria-describedby={errorFor("upload") ? "upload-file-hint upload-error" : "upload-file-hint"}
                  aria-invalid={errorFor("upload") ? true : undefined}
                />
              </div>
              <div className="actions">
                <button type="submit">{t("verification.uploadButton")}</button>
              </div>
            </Form>
            <h3 id="link-heading">{t("verification.linkHeading")}</h3>
            <Form method="post" className="form" aria-labelledby="link-heading">
              <input type="hidden" name="intent" value="link" />
              <QuestionSelect id="link-question" questions={questions} defaultValue={actionData?.form === "link" ? actionData.questionId : undefined} />
              <div className="field">
                <label htmlFor="link-url">{t("verification.linkUrl")}</label>
                <input
                  type="url"
                  id="link-url"
                  name="url"
                  required
                  defaultValue={actionData?.form === "link" ? actionData.url : ""}
                  aria-invalid={errorFor("link") ? true : undefined}
                  aria-describedby={errorFor("link") ? "link-error" : undefined}
                />
                {errorFor("link") ? (
                  <p className="field-errors" id="link-error" role="alert">
                    {t(errorFor("link")!)}
                  </p>
                ) : null}
              </div>
              <div className="actions">
                <button type="submit">{t("verification.addLink")}</button>
              </div>
            </Form>
          </>
        ) : null}
      </section>

      {verification ? <VerificationMessages messages={messages} error={errorFor("message")} typed={actionData?.form === "message" ? actionData.body : undefined} /> : null}
      <VerificationLog log={log} questions={Object.fromEntries(questions.map((q) => [q.id, q.text]))} />
    </article>
  );
}

function QuestionSelect({ id, questions, defaultValue }: { id: string; questions: { id: string; text: { en: string; ru: string } }[]; defaultValue?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("verification.question")}</label>
      <select id={id} name="questionId" defaultValue={defaultValue ?? questions[0]?.id} required>
        {questions.map((q) => (
          <option key={q.id} value={q.id}>
            {questionText(t, q.id)}
          </option>
        ))}
      </select>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
