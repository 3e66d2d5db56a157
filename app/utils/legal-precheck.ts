// The legal pre-check: reads an enterprise's profile and its latest assessment against its
// country's criteria (legal-frameworks.ts) and says, for each, whether it appears to be met,
// appears not to be met, or cannot be told from what Ortaq knows. Guidance, not a legal
// decision: the pages say so. Pure; the reasons are translation keys (legal:precheck.reason.*).
import { checkTaxId } from "~/utils/tax-id";
import { frameworkOf, type LegalCriterion, type NationalFramework } from "~/utils/legal-frameworks";
import type { CountryCode } from "~/utils/reference-data";

export type PrecheckProfile = {
  country: CountryCode;
  legalForm: string;
  employees: number;
  sector: string;
  beneficiaryGroups: readonly string[];
  taxId: string | null;
  socialRegisterNumber: string | null;
  socialRegisteredOn: string | null;
};

/** The answers of the latest assessment that the criteria read; null when there is none. */
export type PrecheckAnswers = {
  primaryMission: string | null;
  staffVulnerableShare: number | null;
  beneficiariesVulnerable: number | null;
  beneficiariesDisability: number | null;
};

export type PrecheckOutcome = "met" | "not_met" | "unknown";

export type PrecheckItem = {
  criterion: LegalCriterion;
  outcome: PrecheckOutcome;
  reason: string;
  values?: Record<string, string | number>;
};

export type Precheck = { framework: NationalFramework; items: PrecheckItem[] };

const ENTREPRENEURIAL_FORMS = new Set(["sole_proprietor", "llp", "jsc", "cooperative", "commercial_other", "dehkan_farm"]);
const SOCIAL_SPHERE_SECTORS = new Set(["education", "health_care", "social_services", "employment_training", "tourism_culture"]);

type Result = Omit<PrecheckItem, "criterion">;

function socialPurpose(answers: PrecheckAnswers | null): Result {
  if (!answers) return { outcome: "unknown", reason: "noAssessment" };
  switch (answers.primaryMission) {
    case "social":
    case "both":
      return { outcome: "met", reason: "missionSocial" };
    case "environmental":
      return { outcome: "unknown", reason: "missionEnvironmental" };
    case "commercial":
    case "profit":
      return { outcome: "not_met", reason: "missionCommercial" };
    default:
      return { outcome: "unknown", reason: "notAnswered" };
  }
}

function eligibleLegalForm(profile: PrecheckProfile): Result {
  if (profile.country === "TJ") {
    if (profile.legalForm === "sole_proprietor") return { outcome: "met", reason: "formSocialEntrepreneur" };
    if (ENTREPRENEURIAL_FORMS.has(profile.legalForm)) return { outcome: "met", reason: "formSocialCompany" };
    return { outcome: "unknown", reason: "formNonCommercialTJ" };
  }
  if (ENTREPRENEURIAL_FORMS.has(profile.legalForm)) return { outcome: "met", reason: "formEntrepreneur" };
  return { outcome: "unknown", reason: "formNonCommercial" };
}

function employsVulnerable(criterion: LegalCriterion, profile: PrecheckProfile, answers: PrecheckAnswers | null): Result {
  if (profile.employees === 0) return { outcome: "not_met", reason: "noStaff" };
  if (!answers) return { outcome: "unknown", reason: "noAssessment" };
  const share = answers.staffVulnerableShare;
  if (share === null) return { outcome: "unknown", reason: "notAnswered" };
  if (!criterion.threshold) return { outcome: "unknown", reason: "staffShareNoThreshold", values: { share } };
  return share >= criterion.threshold.value
    ? { outcome: "met", reason: "staffShareMet", values: { share, threshold: criterion.threshold.value } }
    : { outcome: "not_met", reason: "staffShareBelow", values: { share, threshold: criterion.threshold.value } };
}

function servesVulnerableGroups(profile: PrecheckProfile, answers: PrecheckAnswers | null): Result {
  const groups = profile.beneficiaryGroups.length;
  const people = answers?.beneficiariesVulnerable ?? 0;
  if (groups > 0 || people > 0) return { outcome: "met", reason: "servesGroups", values: { groups, people } };
  return { outcome: "not_met", reason: "noGroups" };
}

function servesPeopleWithDisabilities(profile: PrecheckProfile, answers: PrecheckAnswers | null): Result {
  const serves = profile.beneficiaryGroups.includes("people_with_disabilities") || (answers?.beneficiariesDisability ?? 0) > 0;
  return serves ? { outcome: "unknown", reason: "servesDisabilityCheckGoods" } : { outcome: "not_met", reason: "noDisability" };
}

function taxIdValid(profile: PrecheckProfile): Result {
  if (!profile.taxId) return { outcome: "not_met", reason: "taxIdMissing" };
  return checkTaxId(profile.country, profile.taxId).ok
    ? { outcome: "met", reason: "taxIdValid", values: { taxId: profile.taxId } }
    : { outcome: "not_met", reason: "taxIdInvalid" };
}

function assess(criterion: LegalCriterion, profile: PrecheckProfile, answers: PrecheckAnswers | null): Result {
  switch (criterion.precheck) {
    case "social_purpose":
      return socialPurpose(answers);
    case "eligible_legal_form":
      return eligibleLegalForm(profile);
    case "not_large_business": {
      const threshold = criterion.threshold?.value ?? 250;
      return profile.employees > threshold
        ? { outcome: "not_met", reason: "tooLarge", values: { employees: profile.employees, threshold } }
        : { outcome: "met", reason: "sizeOk", values: { employees: profile.employees, threshold } };
    }
    case "employs_vulnerable":
      return employsVulnerable(criterion, profile, answers);
    case "serves_vulnerable_groups":
      return servesVulnerableGroups(profile, answers);
    case "serves_people_with_disabilities":
      return servesPeopleWithDisabilities(profile, answers);
    case "social_sphere_services":
      return SOCIAL_SPHERE_SECTORS.has(profile.sector)
        ? { outcome: "met", reason: "socialSector" }
        : { outcome: "not_met", reason: "otherSector" };
    case "register_stated":
      return profile.socialRegisterNumber
        ? {
            outcome: "met",
            reason: profile.socialRegisteredOn ? "registerStated" : "registerStatedNoDate",
            values: { number: profile.socialRegisterNumber, date: profile.socialRegisteredOn ?? "" },
          }
        : { outcome: "not_met", reason: "registerNotStated" };
    case "tax_id_valid":
      return taxIdValid(profile);
    case "not_assessable":
      return { outcome: "unknown", reason: "noLaw" };
  }
}

/** The pre-check of an enterprise against its country's framework. */
export function precheckEnterprise(profile: PrecheckProfile, answers: PrecheckAnswers | null): Precheck {
  const framework = frameworkOf(profile.country);
  if (!framework) throw new Error(`No legal framework for ${profile.country}`);
  return {
    framework,
    items: framework.criteria.map((criterion) => ({ criterion, ...assess(criterion, profile, answers) })),
  };
}
