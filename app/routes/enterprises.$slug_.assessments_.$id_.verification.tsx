import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { EvidenceList } from "~/components/evidence-list";
import { clearBusy, clearBusyWhenIdle, markBusy } from "~/components/form-progress";
import { FileField, FormErrors, SelectField, TextField, useCheckedForm } from "~/components/forms";
import { VerificationLog, VerificationMessages } from "~/components/verification-log";
import { requireAssessmentMember } from "~/models/assessment.server";
import { addEvidenceLink, addMessage, getEvidencePageView, removeEvidence, requestVerification } from "~/models/verification.server";
import { answerText } from "~/utils/answer-text";
import { requireUser } from "~/utils/auth.server";
import { evidenceSettings } from "~/utils/evidence-files.server";
import { receiveEvidenceForm, refusalOf } from "~/models/evidence-upload.server";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { dimensionName, questionText, tierName } from "~/utils/methodology-text";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound } from "~/utils/permissions.server";
import { EvidenceActionSchema, EvidenceLinkFormSchema } from "~/utils/verification-validation";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment, role } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  if (assessment.status !== "submitted" || !assessment.result) throw redirect(base);
  const [t, view] = await Promise.all([getFixedT(request), getEvidencePageView({ ...assessment, result: assessment.result })]);
  return {
    title: t("verification.enterpriseTitle", { name: enterprise.name }),
    base,
    isOwner: role === "owner",
    maxMegabytes: Math.round((evidenceSettings().maxBytes / 1024 / 1024) * 10) / 10,
    ...view,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment, role } = await requireAssessmentMember(user, params);
  const page = `/enterprises/${enterprise.slug}/assessments/${assessment.id}/verification`;

  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    // The file is stored as it streams in (the page's script sends it to ./upload instead, to show progress).
    const upload = await receiveEvidenceForm(request, { assessmentId: assessment.id, userId: user.id });
    if (!upload.ok) return data({ form: "upload", result: upload.result }, { status: upload.status });
    return redirectWithNotice(page, "verification.notice.added_file");
  }

  const submission = parseWithZod(await request.formData(), { schema: EvidenceActionSchema });
  const intent = submission.payload.intent;
  const form = intent === "remove" ? "evidence" : typeof intent === "string" ? intent : "";
  const reply = (status: number, options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) =>
    data({ form, result: submission.reply(options) }, { status });
  if (submission.status !== "success") return reply(400);
  if (assessment.status !== "submitted") return reply(400, { formErrors: ["verification.errors.not_submitted"] });
  const value = submission.value;
  const outcome =
    value.intent === "request"
      ? await requestVerification({ assessmentId: assessment.id, userId: user.id, role })
      : value.intent === "link"
        ? await addEvidenceLink({ assessmentId: assessment.id, userId: user.id, questionId: value.questionId, url: value.url })
        : value.intent === "remove"
          ? await removeEvidence({ assessmentId: assessment.id, itemId: value.itemId, userId: user.id })
          : (await addMessage({ assessmentId: assessment.id, authorId: user.id, body: value.body }), { ok: true as const });
  if (!outcome.ok) {
    if (value.intent === "remove" && outcome.error === "not_found") notFound();
    const { status, ...messages } = refusalOf(outcome.error);
    return reply(status, messages);
  }
  const notice = { request: "requested", link: "added_link", remove: "removed", message: "sent" }[value.intent];
  return redirectWithNotice(value.intent === "message" ? `${page}#messages` : page, `verification.notice.${notice}`);
}

type EvidenceActionData = { form: string; result: SubmissionResult<string[]> };

/** The owner asks for the assessment to be verified. */
function RequestForm({ result }: { result?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form] = useCheckedForm({ id: "request", lastResult: result });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" name="intent" value="request">
        {t("verification.request")}
      </button>
    </Form>
  );
}

type QuestionChoice = { id: string };

type UploadAnswer = { redirectTo: string } | { form: "upload"; result: SubmissionResult<string[]> };

/** The JSON the upload address answers with; null for anything else (signed out, a proxy's error page). */
function readUploadAnswer(request: XMLHttpRequest): UploadAnswer | null {
  if (!request.getResponseHeader("Content-Type")?.startsWith("application/json")) return null;
  try {
    const answer = JSON.parse(request.responseText) as Partial<{ redirectTo: unknown; form: unknown; result: unknown }>;
    if (typeof answer.redirectTo === "string" && /^\/(?![/\\])/.test(answer.redirectTo)) return { redirectTo: answer.redirectTo };
    if (answer.form === "upload" && answer.result && typeof answer.result === "object")
      return { form: "upload", result: answer.result as SubmissionResult<string[]> };
  } catch {
    // Not the upload's answer: handled as anything else.
  }
  return null;
}

/**
 * A file for one question; its type and size are checked as it arrives, so this form is checked on
 * the server. With JavaScript the file is sent with XMLHttpRequest to `uploadUrl`, which reports how
 * much has gone (a progress bar, a percentage, and every tenth for screen readers); the answer is
 * shown as the form's own would be. Without JavaScript it is a plain form.
 */
function UploadForm({
  questions,
  maxMegabytes,
  result,
  uploadUrl,
}: {
  questions: QuestionChoice[];
  maxMegabytes: number;
  result?: SubmissionResult<string[]>;
  uploadUrl: string;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [answered, setAnswered] = useState<SubmissionResult<string[]>>();
  const [sent, setSent] = useState<number | null>(null);
  const upload = useRef<XMLHttpRequest | null>(null);
  // Leaving the page stops an upload under way, so its answer never takes the reader back here.
  useEffect(() => () => upload.current?.abort(), []);
  const [form, fields] = useCheckedForm<{ questionId: string; file: File }>({
    id: "upload",
    lastResult: answered ?? result,
    defaultValue: { questionId: questions[0]?.id },
    onSubmit(event, { formData }) {
      event.preventDefault();
      const element = event.currentTarget;
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      // Anything but the upload's own answer: the form is sent as it is without JavaScript.
      const sendPlainly = () => HTMLFormElement.prototype.submit.call(element);
      const request = new XMLHttpRequest();
      upload.current = request;
      request.open("POST", uploadUrl);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", (progress) => {
        if (progress.lengthComputable && progress.total > 0) setSent(progress.loaded / progress.total);
      });
      request.addEventListener("load", () => {
        upload.current = null;
        const answer = readUploadAnswer(request);
        if (!answer) return sendPlainly();
        if ("redirectTo" in answer) {
          clearBusyWhenIdle(element);
          navigate(answer.redirectTo);
          return;
        }
        clearBusy(element);
        setSent(null);
        setAnswered(answer.result);
      });
      request.addEventListener("error", () => {
        upload.current = null;
        sendPlainly();
      });
      markBusy(element, submitter);
      setSent(0);
      request.send(formData);
    },
  });
  const percent = (fraction: number) =>
    t("forms.uploadProgress", { percent: formatNumber(fraction, i18n.language, { style: "percent", maximumFractionDigits: 0 }) });
  return (
    <Form method="post" encType="multipart/form-data" className="form" aria-labelledby="upload-heading" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField
        field={fields.questionId}
        label={t("verification.question")}
        placeholder={t("fields.choose")}
        options={questions.map((q) => ({ value: q.id, label: questionText(t, q.id) }))}
      />
      <FileField
        field={fields.file}
        label={t("verification.file")}
        hint={t("verification.fileHint", { max: maxMegabytes })}
        accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.doc,.xls"
        errorValues={{ max: maxMegabytes }}
      />
      {sent !== null ? (
        <div className="upload-progress">
          <progress max={1} value={sent} aria-labelledby="upload-progress-text" />
          <span id="upload-progress-text">{percent(Math.floor(sent * 100) / 100)}</span>
        </div>
      ) : null}
      <p aria-live="polite" className="visually-hidden">
        {sent !== null ? percent(Math.floor(sent * 10) / 10) : ""}
      </p>
      <div className="actions">
        <button type="submit">{t("verification.uploadButton")}</button>
      </div>
    </Form>
  );
}

/** A web address for one question. */
function LinkForm({ questions, result }: { questions: QuestionChoice[]; result?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useCheckedForm({
    id: "link",
    lastResult: result,
    defaultValue: { questionId: questions[0]?.id },
    constraint: getZodConstraint(EvidenceLinkFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvidenceLinkFormSchema }),
  });
  return (
    <Form method="post" className="form" aria-labelledby="link-heading" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="link" />
      <SelectField
        field={fields.questionId}
        label={t("verification.question")}
        placeholder={t("fields.choose")}
        options={questions.map((q) => ({ value: q.id, label: questionText(t, q.id) }))}
      />
      <TextField field={fields.url} label={t("verification.linkUrl")} type="url" />
      <div className="actions">
        <button type="submit">{t("verification.addLink")}</button>
      </div>
    </Form>
  );
}

export default function EnterpriseVerificationPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { title, base, isOwner, maxMegabytes, questions, verification, difference, evidence, messages, log } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EvidenceActionData | undefined;
  const resultFor = (form: string) => (actionData?.form === form ? actionData.result : undefined);
  const open = !verification || verification.status !== "completed";
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

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("verification.statusHeading")}</h2>
        {!verification ? (
          <>
            <p>{t("verification.notRequested")}</p>
            {isOwner ? <RequestForm result={resultFor("request")} /> : <p>{t("verification.ownerRequests")}</p>}
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
          <TableScroll>
            <table>
              <TableCaption>{t("verification.differenceCaption")}</TableCaption>
              <thead>
                <tr>
                  <th scope="col">{t("rating.dimension")}</th>
                  <th scope="col" className="number">
                    {t("verification.selfScore")}
                  </th>
                  <th scope="col" className="number">
                    {t("verification.verifiedScore")}
                  </th>
                  <th scope="col" className="number">
                    {t("verification.difference")}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("verification.overall")}</th>
                  <td className="number">{score(difference.overall.self)}</td>
                  <td className="number">{score(difference.overall.verified)}</td>
                  <td className="number">
                    {formatNumber(difference.overall.verified - difference.overall.self, language, {
                      maximumFractionDigits: 1,
                      signDisplay: "exceptZero",
                    })}
                  </td>
                </tr>
                {difference.dimensions.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{dimensionName(t, d.id)}</th>
                    <td className="number">{score(d.self)}</td>
                    <td className="number">{score(d.verified)}</td>
                    <td className="number">
                      {formatNumber(d.verified - d.self, language, { maximumFractionDigits: 1, signDisplay: "exceptZero" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p>{t("verification.tierChange", { self: tierLabel(difference.tier.self), verified: tierLabel(difference.tier.verified) })}</p>
        </section>
      ) : null}

      {verification && verification.changes.length > 0 ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t("verification.changesHeading")}</h2>
          <TableScroll>
            <table>
              <TableCaption>{t("verification.changesCaption")}</TableCaption>
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
          </TableScroll>
        </section>
      ) : null}

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t("verification.evidenceHeading")}</h2>
        <p>{t("verification.evidenceIntro")}</p>
        <FormErrors id="evidence-errors" errors={resultFor("evidence")?.error?.[""] ?? undefined} />
        <EvidenceList questions={questions} evidence={evidence} removable={open} />
        {open ? (
          <>
            <h3 id="upload-heading">{t("verification.uploadHeading")}</h3>
            <UploadForm
              key={`upload-${evidence.length}`}
              questions={questions}
              maxMegabytes={maxMegabytes}
              result={resultFor("upload")}
              uploadUrl={`${base}/verification/upload`}
            />
            <h3 id="link-heading">{t("verification.linkHeading")}</h3>
            <LinkForm key={`link-${evidence.length}`} questions={questions} result={resultFor("link")} />
          </>
        ) : null}
      </section>

      {verification ? <VerificationMessages key={messages.length} messages={messages} result={resultFor("message")} /> : null}
      <VerificationLog log={log} questions={Object.fromEntries(questions.map((q) => [q.id, q.text]))} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
