import type { LegalFormGroup, Methodology, Question } from "./types";

// Which legal form belongs to which group, for the questions a methodology limits to some groups
// (v3 onwards). The forms are those an enterprise's profile offers; a form missing here belongs
// to no group, and is asked every question, as before v3.

export const LEGAL_FORM_GROUPS: Readonly<Record<string, LegalFormGroup>> = Object.freeze({
  llp: "company",
  jsc: "company",
  commercial_other: "company",
  public_association: "nonprofit",
  public_foundation: "nonprofit",
  non_commercial_other: "nonprofit",
  cooperative: "cooperative",
  sole_proprietor: "individual",
  dehkan_farm: "individual",
});

export const LEGAL_FORM_GROUP_IDS: readonly LegalFormGroup[] = Object.freeze(["company", "nonprofit", "cooperative", "individual"]);

/** The group of a legal form, or null for a form in none (or none given). */
export function legalFormGroupOf(legalForm: string | null | undefined): LegalFormGroup | null {
  return legalForm && Object.hasOwn(LEGAL_FORM_GROUPS, legalForm) ? LEGAL_FORM_GROUPS[legalForm]! : null;
}

/** Whether a question (or criterion) limited to some groups is asked of this group; with no group known, it is. */
export function asksLegalFormGroup(limited: { legalForms?: readonly LegalFormGroup[] }, group: LegalFormGroup | null | undefined): boolean {
  return !limited.legalForms || !group || limited.legalForms.includes(group);
}

/** The questions of a methodology that are not asked of this group of legal forms, in its order. */
export function questionsNotForLegalForm(methodology: Methodology, group: LegalFormGroup | null | undefined): Question[] {
  return methodology.questions.filter((q) => !asksLegalFormGroup(q, group));
}

/** Whether a methodology limits any question or criterion to some groups of legal forms. */
export function usesLegalForms(methodology: Methodology): boolean {
  return methodology.questions.some((q) => q.legalForms) || methodology.eligibility.criteria.some((c) => c.legalForms);
}

/**
 * The group whose own words a question has, or null when it is read in its general words: only
 * questions that word themselves for the group, so an older version's question keeps its words.
 */
export function wordingGroup(question: Question, group: LegalFormGroup | null | undefined): LegalFormGroup | null {
  return group && question.wordingFor?.[group] ? group : null;
}
