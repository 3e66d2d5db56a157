// The legal status of some demo enterprises (by their index in demoEnterprises): identification
// numbers that pass their country's checks (fictional: Kazakhstan's BINs are made with the official
// check digit and belong to no real organisation) and, for some, the entry in the national register
// of social enterprises they state. The demo register files match enterprises on these numbers.
// Indices follow demoEnterprises' rotation through COUNTRY_CODES: 0, 7, 14… are in Kazakhstan,
// 2, 9, 16… in Tajikistan; 0 and 2 belong to the demo entrepreneur.
export type DemoLegalStatus = {
  taxId: string;
  socialRegisterNumber: string | null;
  /** ISO date. */
  socialRegisteredOn: string | null;
};

export const DEMO_LEGAL_STATUS: Readonly<Record<number, DemoLegalStatus & { country: "KZ" | "TJ" }>> = {
  0: { country: "KZ", taxId: "180340012346", socialRegisterNumber: "ӘК-2024-0117", socialRegisteredOn: "2024-03-12" },
  7: { country: "KZ", taxId: "191140021174", socialRegisterNumber: "ӘК-2023-0042", socialRegisteredOn: "2023-11-02" },
  14: { country: "KZ", taxId: "210540003114", socialRegisterNumber: null, socialRegisteredOn: null },
  2: { country: "TJ", taxId: "020117345", socialRegisterNumber: "СИ-0009", socialRegisteredOn: "2025-06-20" },
  9: { country: "TJ", taxId: "030245118", socialRegisterNumber: "СИ-0014", socialRegisteredOn: "2025-09-03" },
  16: { country: "TJ", taxId: "010398762", socialRegisterNumber: null, socialRegisteredOn: null },
};

/** The columns for the demo enterprise at `index`, or nothing. */
export function demoLegalStatus(index: number) {
  const status = DEMO_LEGAL_STATUS[index];
  if (!status) return {};
  return {
    taxId: status.taxId,
    socialRegisterNumber: status.socialRegisterNumber,
    socialRegisteredOn: status.socialRegisteredOn ? new Date(`${status.socialRegisteredOn}T00:00:00Z`) : null,
  };
}
