import {
  answerConflicts,
  asksLegalFormGroup,
  validateAnswer,
  type AnswerErrorCode,
  type AnswerValue,
  type Answers,
  type Methodology,
  type Question,
  type ScoringContext,
} from "../../scoring";
import { hasNoControlCharacters } from "~/utils/validation";
import { toAsciiDigits } from "~/utils/format";

/** The notes and links an enterprise gives as evidence, by question: as the form sends them and the assessment stores them. */
export type Evidence = Record<string, { note?: string; links?: string[] }>;

export const NOTE_MAX = 1000;
export const LINKS_MAX = 5;

export type QuestionError = AnswerErrorCode | "number_format" | "none_with_others" | "note_too_long" | "bad_link" | "too_many_links";

export interface ParsedSection {
  answers: Record<string, AnswerValue>;
  cleared: string[];
  evidence: Evidence;
  errors: Record<string, QuestionError>;
  /** What was typed, as typed, so a form with errors shows it again. */
  raw: Record<string, { value: string | string[]; notApplicable: boolean; note: string; links: string }>;
}

function parseNumber(text: string): number | null {
  const cleaned = toAsciiDigits(text)
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function isHttpUrl(text: string) {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && text.length <= 500;
  } catch {
    return false;
  }
}

/**
 * Reads the answers of the questions shown in a questionnaire section. Every value is
 * checked with the methodology, and against the saved answers it goes with (a part is never
 * more than its total); a bad one gets an error and is not saved, the rest are.
 */
export function parseSection(formData: FormData, methodology: Methodology, saved: Answers, context: ScoringContext = {}): ParsedSection {
  const shown = new Set(formData.getAll("shown").map(String));
  const result: ParsedSection = { answers: {}, cleared: [], evidence: {}, errors: {}, raw: {} };
  for (const question of methodology.questions) {
    // A question not asked of the enterprise's legal form is never read, whatever the form sends.
    if (!shown.has(question.id) || !asksLegalFormGroup(question, context.legalFormGroup)) continue;
    const values = formData.getAll(`q.${question.id}`).map(String);
    const notApplicable = formData.get(`na.${question.id}`) === "on" || values.includes("n/a");
    const note = String(formData.get(`note.${question.id}`) ?? "").trim();
    const linksText = String(formData.get(`links.${question.id}`) ?? "");
    result.raw[question.id] = { value: question.type === "multi" ? values : (values[0] ?? ""), notApplicable, note, links: linksText };

    const error = readAnswer(question, values, notApplicable, result);
    if (error) result.errors[question.id] = error;

    const links = linksText
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (note.length > NOTE_MAX || !hasNoControlCharacters(note)) result.errors[question.id] ??= "note_too_long";
    else if (links.length > LINKS_MAX) result.errors[question.id] ??= "too_many_links";
    else if (!links.every(isHttpUrl)) result.errors[question.id] ??= "bad_link";
    else result.evidence[question.id] = { note: note || undefined, links };
  }
  refuseConflicts(methodology, saved, result, context);
  return result;
}

/**
 * Answers that cannot all be true are refused together, so what is saved stays consistent. A part
 * more than its total: the error goes next to the part when it was shown, otherwise next to the
 * total. Shares of one whole above 100 %: next to each share shown.
 */
function refuseConflicts(methodology: Methodology, saved: Answers, into: ParsedSection, context: ScoringContext) {
  const after: Record<string, AnswerValue> = { ...saved, ...into.answers };
  for (const id of into.cleared) delete after[id];
  for (const conflict of answerConflicts(methodology, after, context)) {
    const involved = conflict.code === "exceeds_total" ? [conflict.questionId, conflict.total] : conflict.parts;
    const shown = involved.filter((id) => id in into.raw);
    if (shown.length === 0) continue;
    for (const id of shown) delete into.answers[id];
    if (conflict.code === "exceeds_total") into.errors[shown[0]!] ??= conflict.code;
    else if (shown.includes(conflict.questionId)) into.errors[conflict.questionId] ??= conflict.code;
  }
}

export const NONE_OF_THESE = "__none";

function readAnswer(question: Question, values: string[], notApplicable: boolean, into: ParsedSection): QuestionError | null {
  let value: AnswerValue | undefined;
  if (notApplicable) value = "n/a";
  else if (question.type === "multi") {
    // Nothing ticked is "not answered yet"; "none of these" ticked is the answer "none", and
    // cannot go with an option: which of the two was meant is the person's to say.
    const chosen = values.filter((v) => v !== "" && v !== NONE_OF_THESE);
    if (chosen.length > 0 && values.includes(NONE_OF_THESE)) return "none_with_others";
    value = chosen.length > 0 || values.includes(NONE_OF_THESE) ? chosen : undefined;
  } else if (question.type === "single") value = values[0] || undefined;
  else {
    const text = values[0]?.trim() ?? "";
    if (text !== "") {
      const n = parseNumber(text);
      if (n === null) return "number_format";
      value = n;
    }
  }
  if (value === undefined) {
    into.cleared.push(question.id);
    return null;
  }
  const problem = validateAnswer(question, value);
  if (problem) return problem.code;
  into.answers[question.id] = value;
  return null;
}
