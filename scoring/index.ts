// The public contract of the rating. Everything else in scoring/ is internal.
import { v1 } from "./methodologies/v1";
import type { Methodology } from "./types";

export type * from "./types";
export { AnswerError, applicableQuestions, isApplicable, NOT_APPLICABLE, percentileRank, scoreAssessment, validateAnswer } from "./engine";
export { fingerprintMethodology, validateMethodology } from "./validate";

/** Every published methodology, by version. Published versions never change. */
export const methodologies: Readonly<Record<string, Methodology>> = { [v1.version]: v1 };

export const currentMethodology: Methodology = v1;
