import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { generateAnswers } from "../prisma/demo-answers";

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

export async function benchScoring() {
  const { currentMethodology, scoreAssessment } = await loadScoring();
  const random = prng(42);
  const count = 100_000;
  const assessments = Array.from({ length: count }, () => generateAnswers(currentMethodology, random));
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
