// Needs no database.
import { describe, expect, test } from "vitest";
import { passwordProblem } from "~/utils/password-strength.server";

const aida = { email: "aida.nurlanovna@example.kz", displayName: "Aida Nurlanovna" };

describe("a new password", () => {
  test("is refused when it is one of the most common passwords, however long", () => {
    for (const password of [
      "1234567890",
      "qwertyuiop",
      "password123",
      "iloveyou123",
      "football1234",
      "qwerty123456",
      "aaaaaaaaaaaa",
      "p@ssw0rd123",
    ]) {
      expect(passwordProblem(password, aida), password).toBe("errors.passwordCommon");
    }
  });

  test("is refused when it is or contains the e-mail address, its local part or the person's name", () => {
    expect(passwordProblem("aida.nurlanovna@example.kz", aida)).toBe("errors.passwordPersonal");
    expect(passwordProblem("aida.nurlanovna", aida)).toBe("errors.passwordPersonal");
    expect(passwordProblem("my name is Aida Nurlanovna!", aida)).toBe("errors.passwordPersonal");
    expect(passwordProblem("AidaNurlanovna2026", aida)).toBe("errors.passwordPersonal");
    expect(passwordProblem("Айгерим Айгерим", { email: "a@example.kz", displayName: "Айгерим" })).toBe("errors.passwordPersonal");
  });

  test("is accepted when it is long and not guessable, passphrases included", () => {
    for (const password of [
      "a long enough password",
      "correct horse battery",
      "another long password",
      "ortaq-demo-2026",
      "Steppe wind over Almaty at dawn",
      "tulip lantern 47 orbit",
    ]) {
      expect(passwordProblem(password, aida), password).toBeNull();
    }
  });

  test("a short name is only refused when the whole password is that name", () => {
    expect(passwordProblem("the Al Farabi library card", { email: "x@example.org", displayName: "Al" })).toBeNull();
  });
});
