import { pathToFileURL } from "node:url";
import {
  applicableQuestions,
  currentMethodology,
  scoreAssessment,
  type AnswerValue,
  type Answers,
  type Methodology,
  type Question,
} from "../scoring";
import { seededRandom } from "../app/utils/seeded-random";

const ASSESSMENTS = 100_000;
const SEED = 20_261_124;

function randomValue(question: Question, random: () => number): AnswerValue {
  if (question.allowNotApplicable && random() < 0.1) return "n/a";
  switch (question.type) {
    case "single": {
      const options = question.options!;
      return options[Math.floor(random() * options.length)]!.id;
    }
    case "multi":
      return question.options!.filter(() => random() < 0.5).map((o) => o.id);
    case "percent":
      // Whole percentages mostly, a decimal now and then, as people type them.
      return random() < 0.8 ? Math.floor(random() * 101) : Math.round(random() * 10_000) / 100;
    case "number": {
      // Spread over several orders of magnitude, so every band is reached.
      const ceiling = Math.min(question.max ?? 100_000, 10 ** (1 + Math.floor(random() * 4)));
      return Math.max(question.min ?? 0, Math.floor(random() * ceiling));
    }
  }
}

/** A complete assessment: every question that applies is answered, and nothing else. */
function randomAssessment(methodology: Methodology, random: () => number): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const question of methodology.questions) answers[question.id] = randomValue(question, random);
  const complete: Record<string, AnswerValue> = {};
  for (const question of applicableQuestions(methodology, answers)) complete[question.id] = answers[question.id]!;
  return complete;
}

function timeRescoring(methodology: Methodology, assessments: readonly Answers[]): { seconds: number; meanOverall: number } {
  let total = 0;
  const started = performance.now();
  for (let i = 0; i < assessments.length; i++) total += scoreAssessment(methodology, assessments[i]!).overall;
  return { seconds: (performance.now() - started) / 1000, meanOverall: total / assessments.length };
}

export async function benchScoring(): Promise<void> {
  const methodology = currentMethodology;
  const random = seededRandom(SEED);
  const built: Answers[] = new Array(ASSESSMENTS);
  for (let i = 0; i < ASSESSMENTS; i++) built[i] = randomAssessment(methodology, random);
  // Re-scoring reads stored answers, which come back from the database as parsed JSON.
  const stored: Answers[] = built.map((answers) => JSON.parse(JSON.stringify(answers)) as Answers);

  // Warm up, so the figures are of optimised code rather than of the first calls.
  for (let i = 0; i < 20_000; i++) scoreAssessment(methodology, (i % 2 ? stored : built)[i % 1_000]!);

  const one = stored[0]!;
  let repeats = 0;
  let elapsed = 0;
  const started = performance.now();
  while (elapsed < 500) {
    for (let i = 0; i < 1_000; i++) scoreAssessment(methodology, one);
    repeats += 1_000;
    elapsed = performance.now() - started;
  }

  const fromDatabase = timeRescoring(methodology, stored);
  const inMemory = timeRescoring(methodology, built);

  const format = (n: number) => Math.round(n).toLocaleString("en");
  console.log(`scoring: methodology ${methodology.version}, ${methodology.questions.length} questions`);
  console.log(`scoring: ${format(repeats / (elapsed / 1000))} scorings per second of one full random assessment`);
  console.log(
    `scoring: re-scoring ${format(ASSESSMENTS)} stored assessments took ${fromDatabase.seconds.toFixed(3)} s ` +
      `(${format(ASSESSMENTS / fromDatabase.seconds)} per second; target under 1 s; mean overall ${fromDatabase.meanOverall.toFixed(2)})`,
  );
  console.log(
    `scoring: the same ${format(ASSESSMENTS)} assessments built in memory (answer objects in dictionary mode) took ${inMemory.seconds.toFixed(3)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchScoring();
}
