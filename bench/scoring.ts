import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { AnswerValue, Answers, Methodology } from "../scoring";

/**
 * The scoring module compiled the way the production build compiles it. Running it through
 * tsx directly would time tsx's own function-name bookkeeping instead of the module.
 */
async function loadScoring(): Promise<typeof import("../scoring")> {
  const outfile = path.join(os.tmpdir(), `ortaq-scoring-bench-${process.pid}.mjs`);
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "scoring", "index.ts");
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "neutral", outfile, logLevel: "error" });
  return import(pathToFileURL(outfile).href);
}

/** A small seeded generator, so every run scores the same assessments. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A complete random assessment: every question answered with a valid value (or "n/a" where allowed). */
export function randomAnswers(methodology: Methodology, random: () => number): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const q of methodology.questions) {
    if (q.allowNotApplicable && random() < 0.1) {
      answers[q.id] = "n/a";
    } else if (q.type === "single") {
      answers[q.id] = q.options![Math.floor(random() * q.options!.length)]!.id;
    } else if (q.type === "multi") {
      answers[q.id] = q.options!.filter(() => random() < 0.5).map((o) => o.id);
    } else {
      const max = q.type === "percent" ? 100 : Math.min(q.max ?? 1000, 1000);
      answers[q.id] = Math.round(random() * max);
    }
  }
  return answers;
}

export async function benchScoring() {
  const { currentMethodology, scoreAssessment } = await loadScoring();
  const random = prng(42);
  const count = 100_000;
  const assessments = Array.from({ length: count }, () => randomAnswers(currentMethodology, random));
  for (let i = 0; i < 2_000; i++) scoreAssessment(currentMethodology, assessments[i]!); // warm up
  const started = performance.now();
  let checksum = 0;
  for (const answers of assessments) checksum += scoreAssessment(currentMethodology, answers).overall;
  const seconds = (performance.now() - started) / 1000;
  console.log(`scoring: methodology v${currentMethodology.version}, ${currentMethodology.questions.length} questions`);
  console.log(`scoring: ${Math.round(count / seconds).toLocaleString("en")} full assessments scored per second`);
  console.log(`scoring: re-scoring ${count.toLocaleString("en")} assessments took ${seconds.toFixed(3)} s (target: under 1 s; mean score ${(checksum / count).toFixed(2)})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchScoring();
}
