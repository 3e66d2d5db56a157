/** A complete, valid enterprise profile in Kazakhstan's Almaty region. */
export function validEnterpriseFields() {
  return {
    name: "Jasyl Qala Crafts",
    legalForm: "llp",
    country: "KZ",
    region: "KZ-19",
    city: "Almaty",
    sector: "crafts_textiles",
    foundedYear: 2018,
    employees: 12,
    womenLed: true,
    youthLed: false,
    description: "A felt workshop employing rural women and selling to shops across the region.",
    mission: "Fair jobs for rural women through traditional crafts.",
    website: null as string | null,
    sdgs: [5, 8],
    beneficiaryGroups: ["women", "rural_communities"],
  };
}

/** The same profile as the enterprise form would post it. */
export function enterpriseFormFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const fields = validEnterpriseFields();
  return {
    name: fields.name,
    legalForm: fields.legalForm,
    country: fields.country,
    region: fields.region,
    city: fields.city,
    sector: fields.sector,
    foundedYear: String(fields.foundedYear),
    employees: String(fields.employees),
    womenLed: "on",
    description: fields.description,
    mission: fields.mission,
    sdgs: fields.sdgs.map(String),
    beneficiaryGroups: fields.beneficiaryGroups,
    ...overrides,
  };
}
