// fast-check arbitraries for the scoring tests. Not part of the module: it may import fast-check.
import fc from "fast-check";
import type { AnswerValue, Answers, Methodology, Question } from "./types";

/** A valid value for one question (never "n/a"), with the edges of every band among the numbers. */
export function valueFor(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case "single":
      return fc.constantFrom(...question.options!.map((o) => o.id));
    case "multi":
      return fc.shuffledSubarray(question.options!.map((o) => o.id));
    default: {
      const min = question.min ?? 0;
      const max = Math.min(question.type === "percent" ? 100 : (question.max ?? 1_000_000), 5_000);
      const edges = (question.bands ?? [])
        .flatMap((b) => [b.min, b.max])
        .filter((v): v is number => v !== undefined && v >= min && v <= max);
      return fc.oneof(
        fc.integer({ min, max }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        ...(edges.length ? [fc.constantFrom(...edges)] : []),
      );
    }
  }
}

/**
 * A random valid answer set: each question unanswered, "n/a" where allowed, or a valid value;
 * answers to questions that do not apply are left in, as a questionnaire may leave them.
 */
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

/** The answers that earn the most points on every question; numbers are large enough to open the questions that depend on them. */
export function bestAnswers(methodology: Methodology): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const q of methodology.questions) {
    if (q.type === "single") answers[q.id] = [...q.options!].sort((a, b) => b.points - a.points)[0]!.id;
    else if (q.type === "multi") answers[q.id] = q.options!.filter((o) => o.points > 0).map((o) => o.id);
    else {
      // The value that earns the most (the first band listed that contains a value counts),
      // large enough to open every question that depends on this one.
      const opens = methodology.questions
        .filter((other) => other.appliesWhen?.question === q.id)
        .map((other) => other.appliesWhen!.min ?? 0);
      const candidates = [...q.bands!.flatMap((b) => [b.min, b.max ?? b.min]), ...opens];
      const points = (v: number) => q.bands!.find((b) => v >= b.min && (b.max === undefined || v <= b.max))?.points ?? 0;
      answers[q.id] = candidates.reduce((best, v) => (points(v) > points(best) || (points(v) === points(best) && v > best) ? v : best));
    }
  }
  return answers;
}
