import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useBlocker, useFetcher, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { applicableQuestions, asksLegalFormGroup, usesLegalForms, wordingGroup, type Answers } from "../../scoring";
import { NONE_OF_THESE, QuestionField } from "~/components/question-field";
import { methodologyOf, requireAssessmentMember, saveAnswers, scoringContext } from "~/models/assessment.server";
import { parseSection } from "~/utils/assessment-form.server";
import { requireUser } from "~/utils/auth.server";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { useHydrated } from "~/utils/use-hydrated";
import { dimensionName, questionText } from "~/utils/methodology-text";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  if (assessment.status !== "draft") throw redirect(`${base}/results`);
  const methodology = methodologyOf(assessment.methodologyVersion);
  const sectionParam = new URL(request.url).searchParams.get("section");
  const section = methodology.dimensions.find((d) => d.id === sectionParam) ?? methodology.dimensions[0]!;
  const context = scoringContext(assessment);
  const applicable = applicableQuestions(methodology, assessment.answers, context);
  // Questions not asked of the enterprise's legal form are not on the page at all.
  const asked = methodology.questions.filter((q) => asksLegalFormGroup(q, context.legalFormGroup));
  const progress = methodology.dimensions.map((d) => {
    const questions = applicable.filter((q) => q.dimension === d.id);
    return {
      id: d.id,
      label: d.label,
      applicable: questions.length,
      answered: questions.filter((q) => assessment.answers[q.id] !== undefined).length,
    };
  });
  const t = await getFixedT(request);
  return {
    title: t("assessment.title", { name: enterprise.name }),
    base,
    enterprise: { slug: enterprise.slug, name: enterprise.name },
    assessment: {
      id: assessment.id,
      revision: assessment.revision,
      methodologyVersion: assessment.methodologyVersion,
      answers: assessment.answers,
      evidence: assessment.evidence,
    },
    section: { id: section.id, label: section.label },
    // Every question of the section; which of them apply is worked out from the answers, here and in the browser.
    questions: asked.filter((q) => q.dimension === section.id),
    conditions: Object.fromEntries(asked.filter((q) => q.appliesWhen).map((q) => [q.id, q.appliesWhen!])),
    // Every question's section, so the answered counts follow the answers as they are typed.
    outline: asked.map((q) => ({ id: q.id, dimension: q.dimension })),
    // The questions worded for the enterprise's group of legal forms, and that group.
    // Set only when the methodology asks some questions of some legal forms only.
    legalFormGroup: usesLegalForms(methodology) ? context.legalFormGroup : null,
    wordings: Object.fromEntries(asked.flatMap((q) => (wordingGroup(q, context.legalFormGroup) ? [[q.id, context.legalFormGroup!]] : []))),
    progress,
    clientId: randomUUID(),
    nextSection: methodology.dimensions[methodology.dimensions.indexOf(section) + 1]?.id ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, assessment } = await requireAssessmentMember(user, params);
  const base = `/enterprises/${enterprise.slug}/assessments/${assessment.id}`;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "save");
  const revision = Number(formData.get("revision"));
  if (!Number.isInteger(revision))
    return data({ status: "error" as const, error: "invalid", revision: assessment.revision, errors: {}, raw: {} }, { status: 400 });
  const methodology = methodologyOf(assessment.methodologyVersion);
  const parsed = parseSection(formData, methodology, assessment.answers, scoringContext(assessment));
  const clientId = String(formData.get("client") ?? "").slice(0, 64);
  const saved = await saveAnswers({
    id: assessment.id,
    revision,
    clientId,
    answers: parsed.answers,
    cleared: parsed.cleared,
    evidence: parsed.evidence,
  });
  if (!saved.saved) {
    if (saved.reason === "not_draft") throw redirect(`${base}/results`);
    return data({ status: "stale" as const, revision: saved.revision, errors: parsed.errors, raw: parsed.raw }, { status: 409 });
  }
  const hasErrors = Object.keys(parsed.errors).length > 0;
  if (hasErrors)
    return data({ status: "invalid" as const, revision: saved.revision, errors: parsed.errors, raw: parsed.raw }, { status: 400 });
  if (intent === "autosave") return { status: "saved" as const, revision: saved.revision, errors: {}, raw: {} };
  const section = String(formData.get("section") ?? "");
  const next = String(formData.get("next") ?? "");
  if (intent === "save-next" && next) return redirectWithNotice(`${base}?section=${encodeURIComponent(next)}`, "assessment.sectionSaved");
  if (intent === "save-review") return redirect(`${base}/submit`);
  return redirectWithNotice(`${base}?section=${encodeURIComponent(section)}`, "assessment.sectionSaved");
}

type ActionResult = {
  status: "saved" | "invalid" | "stale" | "error";
  revision: number;
  errors: Record<string, string>;
  raw: Record<string, { value: string | string[]; notApplicable: boolean; note: string; links: string }>;
};

export default function QuestionnairePage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const { base, assessment, section, questions, conditions, outline, progress, nextSection, title, wordings, legalFormGroup } = loaderData;
  // One id per open page, kept across revalidations, so this page's own saves never count as someone else's.
  const [clientId] = useState(loaderData.clientId);
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const fetcher = useFetcher<typeof action>();
  const autosave = fetcher.data as ActionResult | undefined;
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [liveAnswers, setLiveAnswers] = useState<Answers>(assessment.answers);
  const [revision, setRevision] = useState(actionData?.revision ?? assessment.revision);
  const [status, setStatus] = useState<"idle" | "pending" | "saved" | "stale" | "invalid">("idle");

  useEffect(() => setRevision(assessment.revision), [assessment.revision]);
  useEffect(() => {
    if (actionData) setRevision(actionData.revision);
  }, [actionData]);
  // Changes are counted: a background save that finishes says "saved" only when nothing was
  // changed after it was sent; otherwise the newer change is still waiting for its own save.
  const changes = useRef(0);
  const sentChanges = useRef(0);
  useEffect(() => {
    if (fetcher.state !== "idle" || !autosave) return;
    if (autosave.status === "saved" || autosave.status === "invalid") setRevision(autosave.revision);
    if (autosave.status === "saved" && sentChanges.current !== changes.current) return;
    setStatus(autosave.status === "saved" ? "saved" : autosave.status === "stale" ? "stale" : "invalid");
    if (autosave.status === "saved") markUnsaved(false);
  }, [fetcher.state, autosave]);

  // Changes not saved yet (typed, waiting for or refused by a save) are not lost without a
  // warning: the browser asks before the page is closed or reloaded, and a link inside the site
  // asks here first.
  const [unsaved, setUnsaved] = useState(false);
  const unsavedRef = useRef(false);
  function markUnsaved(value: boolean) {
    unsavedRef.current = value;
    setUnsaved(value);
  }
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when a value is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsavedRef.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  const leaveDialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = leaveDialog.current;
    if (!dialog) return;
    if (blocker.state === "blocked" && !dialog.open) dialog.showModal();
    if (blocker.state !== "blocked" && dialog.open) dialog.close();
  }, [blocker.state]);

  // A save that was refused moves the reader to the summary of what to correct, at the top.
  const errorSummary = useRef<HTMLDivElement>(null);
  const staleNotice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!actionData || actionData.status === "saved") return;
    markUnsaved(true);
    (actionData.status === "stale" ? staleNotice : errorSummary).current?.focus();
  }, [actionData]);

  const errors = { ...(actionData?.errors ?? {}), ...(autosave?.status === "invalid" ? autosave.errors : {}) };
  const raw = actionData?.raw ?? {};

  // Which questions apply follows the answers as they are typed: a question depending on a
  // number in this section appears or disappears at once; answers elsewhere come from the draft.
  const applies = useMemo(() => {
    const known: Record<string, boolean> = {};
    const holds = (id: string): boolean => {
      if (id in known) return known[id]!;
      const when = (conditions as Record<string, { question: string; oneOf?: string[]; min?: number }>)[id];
      if (!when) return (known[id] = true);
      const value = liveAnswers[when.question];
      let ok = holds(when.question) && value !== undefined && value !== "n/a";
      if (ok && when.oneOf) ok = (Array.isArray(value) ? value : [String(value)]).some((v) => when.oneOf!.includes(v));
      if (ok && when.min !== undefined) ok = typeof value === "number" && value >= when.min;
      return (known[id] = ok);
    };
    return holds;
  }, [liveAnswers, conditions]);

  // The answers as they stand on the page: the saved ones, with what this section's fields hold
  // now. A field that holds what no save would accept (a number out of range, "none of these"
  // with an option) counts as unanswered, as the server would leave it.
  function readLive(form: HTMLFormElement | null) {
    if (!form) return;
    const formData = new FormData(form);
    const next: Record<string, Answers[string]> = { ...assessment.answers };
    for (const q of questions) {
      // A question not shown (it does not apply) keeps what was saved.
      if (!formData.getAll("shown").includes(q.id)) continue;
      const values = formData.getAll(`q.${q.id}`).map(String);
      delete next[q.id];
      if (formData.get(`na.${q.id}`) === "on") next[q.id] = "n/a";
      else if (q.type === "number" || q.type === "percent") {
        const n = Number((values[0] ?? "").trim().replace(",", "."));
        const high = q.type === "percent" ? Math.min(q.max ?? 100, 100) : (q.max ?? Number.MAX_SAFE_INTEGER);
        if (values[0]?.trim() && Number.isFinite(n) && n >= (q.min ?? 0) && n <= high) next[q.id] = n;
      } else if (q.type === "single") {
        if (values[0]) next[q.id] = values[0];
      } else {
        const chosen = values.filter((v) => v !== NONE_OF_THESE);
        const none = values.includes(NONE_OF_THESE);
        if (chosen.length > 0 !== none) next[q.id] = chosen;
      }
    }
    setLiveAnswers(next);
  }

  // Saved answers read again (after any save) are the new ground the fields are laid over.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read again only when the saved answers change
  useEffect(() => readLive(formRef.current), [assessment.answers]);

  function onChange(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    readLive(form);
    markUnsaved(true);
    setStatus("pending");
    changes.current += 1;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => sendAutosave(form), 1200);
  }

  // A background save still on its way is never cut short by the next one (a slow connection
  // would otherwise abort every save): the next waits until it has come back.
  const fetcherBusy = useRef(false);
  fetcherBusy.current = fetcher.state !== "idle";
  function sendAutosave(form: HTMLFormElement) {
    if (fetcherBusy.current) {
      timer.current = setTimeout(() => sendAutosave(form), 300);
      return;
    }
    sentChanges.current = changes.current;
    const formData = new FormData(form);
    formData.set("intent", "autosave");
    fetcher.submit(formData, { method: "post" });
  }

  // A section submit saves everything typed so far: no background save is left waiting.
  function onSubmit() {
    clearTimeout(timer.current);
    sentChanges.current = changes.current;
    setStatus("idle");
    markUnsaved(false);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  // Answered and applicable questions by section, from the answers as they stand on the page.
  const liveProgress = progress.map((p) => {
    const asked = outline.filter((q) => q.dimension === p.id && applies(q.id));
    return { ...p, applicable: asked.length, answered: asked.filter((q) => liveAnswers[q.id] !== undefined).length };
  });
  const overall = liveProgress.reduce((acc, p) => ({ answered: acc.answered + p.answered, applicable: acc.applicable + p.applicable }), {
    answered: 0,
    applicable: 0,
  });
  const stale = actionData?.status === "stale" || status === "stale";

  return (
    <section>
      <p>
        <Link to={`/enterprises/${loaderData.enterprise.slug}/assessments`}>{t("assessment.backToHistory")}</Link>
      </p>
      <h1>{title}</h1>
      {legalFormGroup ? (
        <p className="field-hint" data-testid="legal-form-note">
          {t("assessment.legalFormNote", { group: t(`methodology.legalFormGroup.${legalFormGroup}`) })}
        </p>
      ) : null}
      <p>
        {t("assessment.methodologyVersion", { version: assessment.methodologyVersion })}{" "}
        <Link to={`/methodology/${assessment.methodologyVersion}`}>{t("assessment.readMethodology")}</Link>
      </p>
      <p>{t("assessment.progressOverall", { answered: overall.answered, applicable: overall.applicable })}</p>
      <nav aria-label={t("assessment.sections")}>
        <ol className="sections">
          {liveProgress.map((p) => (
            <li key={p.id}>
              <Link to={`${base}?section=${p.id}`} aria-current={p.id === section.id ? "step" : undefined}>
                {dimensionName(t, p.id)}
              </Link>{" "}
              <span className="progress">{t("assessment.progress", { answered: p.answered, applicable: p.applicable })}</span>
            </li>
          ))}
        </ol>
      </nav>
      {stale ? (
        <p role="alert" className="notice notice-warning" ref={staleNotice} tabIndex={-1}>
          {t("assessment.stale")} <a href={`${base}?section=${section.id}`}>{t("assessment.reload")}</a>
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div role="alert" className="form-errors" ref={errorSummary} tabIndex={-1}>
          <p>{t("assessment.fixErrors")}</p>
          <ul>
            {Object.keys(errors).map((id) => (
              <li key={id}>
                <a href={`#q-${id}`}>{questionText(t, id, wordings[id])}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dialog ref={leaveDialog} aria-labelledby="leave-title" onClose={() => blocker.state === "blocked" && blocker.reset()}>
        <h2 id="leave-title">{t("assessment.unsaved.title")}</h2>
        <p>{t("assessment.unsaved.body")}</p>
        <div className="actions">
          <button type="button" onClick={() => blocker.reset?.()}>
            {t("assessment.unsaved.stay")}
          </button>
          <button type="button" className="button-secondary" onClick={() => blocker.proceed?.()}>
            {t("assessment.unsaved.leave")}
          </button>
        </div>
      </dialog>
      <h2>{dimensionName(t, section.id)}</h2>
      <Form
        method="post"
        ref={formRef}
        onChange={hydrated ? onChange : undefined}
        onSubmit={hydrated ? onSubmit : undefined}
        className="questionnaire"
        noValidate
      >
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="client" value={clientId} />
        <input type="hidden" name="section" value={section.id} />
        {nextSection ? <input type="hidden" name="next" value={nextSection} /> : null}
        {questions
          .filter((q) => applies(q.id))
          .map((q) => {
            const typed = raw[q.id];
            const saved = assessment.answers[q.id];
            const evidence = (assessment.evidence as Record<string, { note?: string; links?: string[] }>)[q.id];
            const state = typed
              ? typed
              : {
                  value: saved === "n/a" ? undefined : saved,
                  notApplicable: saved === "n/a",
                  note: evidence?.note ?? "",
                  links: (evidence?.links ?? []).join("\n"),
                };
            return <QuestionField key={q.id} question={q} state={state} error={errors[q.id]} wording={wordings[q.id]} />;
          })}
        <div className="actions">
          <button type="submit" name="intent" value="save">
            {t("assessment.save")}
          </button>
          {nextSection ? (
            <button type="submit" name="intent" value="save-next" className="button-secondary">
              {t("assessment.saveNext")}
            </button>
          ) : (
            <button type="submit" name="intent" value="save-review" className="button-secondary">
              {t("assessment.saveReview")}
            </button>
          )}
          <Link to={`${base}/submit`}>{t("assessment.reviewSubmit")}</Link>
          <span role="status" aria-live="polite" className="save-status">
            {status === "pending" || fetcher.state !== "idle" ? t("assessment.saving") : status === "saved" ? t("assessment.saved") : ""}
          </span>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];

// Answers that were valid are saved even when others in the section were refused (a 400), so the
// counts are read again after every save this page makes, refused or not.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, actionStatus, defaultShouldRevalidate }) =>
  formMethod === "POST" && actionStatus === 400 ? true : defaultShouldRevalidate;
