import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

/**
 * Whether a new password is good enough, beyond its length: not one of the ~50,000 most common
 * passwords (zxcvbn's offline list, shipped in @zxcvbn-ts/language-common), not easy to guess
 * (keyboard rows, repeats, sequences, a common word with digits: zxcvbn's score below 3, about
 * 10^8 guesses), and not the person's e-mail address or name. Server-only: the list is large.
 */
export type PasswordProblem = "errors.passwordPersonal" | "errors.passwordCommon";

export const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
const zxcvbn = () => (checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

export function passwordProblem(
  password: string,
  { email, displayName }: { email: string; displayName?: string | null },
): PasswordProblem | null {
  const typed = letters(password);
  const localPart = letters(email.split("@")[0] ?? "");
  const name = letters(displayName ?? "");
  const personal = [localPart, name].filter(Boolean);
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "errors.passwordPersonal";
  // Equal to a name however short; containing it once it is long enough to mean something (4 letters).
  if (personal.some((part) => typed === part || (part.length >= 4 && typed.includes(part)))) return "errors.passwordPersonal";
  const result = zxcvbn().check(
    password,
    [email, email.split("@")[0] ?? "", displayName ?? "", ...(displayName ?? "").split(/\s+/)].filter((s) => s.length >= 3),
  );
  return result.score < MIN_PASSWORD_SCORE ? "errors.passwordCommon" : null;
}
