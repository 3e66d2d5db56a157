// A small methodology for tests: it reaches what the published one does not (a chain of
// conditions, a condition on an option, a dimension that can be left out entirely).
import type { LocalizedText, Methodology } from "./types";

const t = (en: string): LocalizedText => ({ en, ru: `${en} (рус.)` });

export const toyMethodology: Methodology = {
  version: "toy",
  publishedAt: "2026-01-01",
  dimensions: [
    { id: "social_impact", weight: 0.5, label: t("Social impact") },
    { id: "inclusion", weight: 0.3, label: t("Inclusion") },
    { id: "environment_climate", weight: 0.2, label: t("Environment") },
  ],
  questions: [
    {
      id: "si_kind",
      dimension: "social_impact",
      type: "single",
      text: t("Kind"),
      maxPoints: 2,
      options: [
        { id: "x", label: t("X"), points: 2 },
        { id: "y", label: t("Y"), points: 0 },
      ],
    },
    {
      id: "si_detail",
      dimension: "social_impact",
      type: "multi",
      text: t("Detail"),
      maxPoints: 3,
      options: [
        { id: "p", label: t("P"), points: 2 },
        { id: "q", label: t("Q"), points: 2 },
        { id: "r", label: t("R"), points: 0 },
      ],
      appliesWhen: { question: "si_kind", oneOf: ["x"] },
    },
    {
      id: "si_depth",
      dimension: "social_impact",
      type: "number",
      text: t("Depth"),
      min: 0,
      max: 100,
      maxPoints: 4,
      bands: [
        { min: 10, points: 4 },
        { min: 0, max: 10, points: 1 },
      ],
      appliesWhen: { question: "si_detail", oneOf: ["p"] },
    },
    {
      id: "in_share",
      dimension: "inclusion",
      type: "percent",
      text: t("Share"),
      min: 0,
      max: 100,
      maxPoints: 3,
      bands: [
        { min: 0, max: 50, points: 0 },
        { min: 50, max: 100, points: 3 },
      ],
      allowNotApplicable: true,
    },
    {
      id: "ec_policy",
      dimension: "environment_climate",
      type: "single",
      text: t("Policy"),
      maxPoints: 2,
      options: [
        { id: "yes", label: t("Yes"), points: 2 },
        { id: "no", label: t("No"), points: 0 },
      ],
      allowNotApplicable: true,
    },
    {
      id: "ec_extra",
      dimension: "environment_climate",
      type: "single",
      text: t("Extra"),
      maxPoints: 1,
      options: [
        { id: "yes", label: t("Yes"), points: 1 },
        { id: "no", label: t("No"), points: 0 },
      ],
      appliesWhen: { question: "si_kind", oneOf: ["y"] },
    },
  ],
  tiers: [
    { id: "low", minScore: 0, label: t("Low") },
    { id: "high", minScore: 50, label: t("High") },
  ],
  eligibility: {
    criteria: [{ id: "kind", label: t("Kind X"), question: "si_kind", oneOf: ["x"], failure: t("Not of kind X.") }],
  },
};
