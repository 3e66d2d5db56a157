import fc from "fast-check";
import type { AnswerValue, Answers, Methodology, Question } from "./types";

/** A valid value for one question (never "n/a"). */
export function valueFor(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case "single":
      return fc.constantFrom(...question.options!.map((o) => o.id));
    case "multi":
      return fc.subarray(question.options!.map((o) => o.id));
    default: {
      const min = question.min ?? 0;
      const max = Math.min(question.type === "percent" ? 100 : (question.max ?? 1_000_000), 5_000);
      const edges = (question.bands ?? []).flatMap((b) => [b.min, b.max]).filter((v): v is number => v !== undefined && v >= min && v <= max);
      return fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), ...(edges.length ? [fc.constantFrom(...edges)] : []));
    }
  }
}

/** Random answers within the methodology: each question unanswered, "n/a" where allowed, or a valid value. */
export function answersFor(methodology: Methodology): fc.Arbitrary<Answers> {
  const entries = methodology.questions.map((q) => {
    const choices: fc.Arbitrary<AnswerValue | undefined>[] = [fc.constant(undefined), valueFor(q), valueFor(q)];
    if (q.allowNotApplicable) choices.push(fc.constant("n/a" as const));
    return fc.oneof(...choices).map((value) => [q.id, value] as const);
  });
  return fc.tuple(...entries).map((pairs) => {
    const answers: Record<string, AnswerValue> = {};
    for (const [id, value] of pairs) if (value !== undefined) answers[id] = value;
    return answers;
  });
}

/** The answers that earn the most points on every question. */
export function bestAnswers(methodology: Methodology): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const q of methodology.questions) {
    if (q.type === "single") answers[q.id] = [...q.options!].sort((a, b) => b.points - a.points)[0]!.id;
    else if (q.type === "multi") answers[q.id] = q.options!.filter((o) => o.points > 0).map((o) => o.id);
    else {
      const band = [...q.bands!].sort((a, b) => b.points - a.points)[0]!;
      // Large enough to open every question that depends on this one.
      const opens = methodology.questions.filter((other) => other.appliesWhen?.question === q.id).map((other) => other.appliesWhen!.min ?? 0);
      answers[q.id] = Math.max(band.min, ...opens);
    }
  }
  return answers;
}
