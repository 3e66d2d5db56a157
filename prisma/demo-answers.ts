import { sharesOfAWhole, type AnswerValue, type Answers, type Methodology } from "../scoring";

const PART_SHARES = [0.6, 0.1, 0.7];

/**
 * A complete, valid set of answers for demo data and benchmarks. `quality` (0–1) leans the
 * answers towards the better options, so generated enterprises spread over every tier.
 */
export function generateAnswers(
  methodology: Methodology,
  random: () => number,
  { quality = random(), employees }: { quality?: number; employees?: number } = {},
): Answers {
  const pick = <T>(sorted: T[]): T => {
    const position = Math.min(0.999, Math.max(0, quality + (random() - 0.5) * 0.7));
    return sorted[Math.floor(position * sorted.length)]!;
  };
  const answers: Record<string, AnswerValue> = {};
  let parts = 0;
  for (const q of methodology.questions) {
    if (q.id === "es_employees" && employees !== undefined) {
      answers[q.id] = employees;
    } else if (q.partOf !== undefined) {
      // A share of its total (the beneficiaries who are women, have a disability, come from
      // vulnerable groups), drawn from nothing random, so the other answers are the same as a
      // methodology without these questions would get.
      const total = answers[q.partOf];
      const share = PART_SHARES[parts++ % PART_SHARES.length]! * (0.5 + quality / 2);
      answers[q.id] = typeof total === "number" ? Math.floor(total * share) : 0;
    } else if (q.allowNotApplicable && random() < 0.08) {
      answers[q.id] = "n/a";
    } else if (q.type === "single") {
      answers[q.id] = pick([...q.options!].sort((a, b) => a.points - b.points)).id;
    } else if (q.type === "multi") {
      answers[q.id] = q.options!.filter(() => random() < quality * 0.9 + 0.05).map((o) => o.id);
    } else {
      const band = pick([...q.bands!].sort((a, b) => a.points - b.points));
      const top = band.max ?? band.min * 2 + 10;
      const max = q.type === "percent" ? Math.min(top, 100) : top;
      answers[q.id] = Math.round(band.min + random() * (max - band.min));
    }
  }
  // Shares of one whole (income from sales, from grants) come to 100 % at most, as the
  // questionnaire requires: a later share gets what the earlier ones leave, with no new draw.
  for (const whole of sharesOfAWhole(methodology)) {
    let left = 100;
    for (const id of whole.parts) {
      const value = answers[id];
      if (typeof value !== "number") continue;
      answers[id] = Math.min(value, left);
      left -= answers[id] as number;
    }
  }
  return answers;
}
