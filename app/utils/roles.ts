// Shared by server and browser.
export const ROLES = ["entrepreneur", "funder", "ministry", "verifier", "moderator", "admin", "incubator"] as const;
export type RoleName = (typeof ROLES)[number];
/** The roles a person may choose for themselves when signing up; the others are granted by an admin. */
export const SIGNUP_ROLES = ["entrepreneur", "funder"] as const;
