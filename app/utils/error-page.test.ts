// Needs no database.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { SUPPORTED_LANGUAGES } from "~/utils/i18n";
import { errorPageKeys, FILE_STORE_UNAVAILABLE } from "./error-page";

const text = (language: string, key: string) =>
  key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown>)[part],
      JSON.parse(readFileSync(`app/locales/${language}/common.json`, "utf8")),
    );

test("an upload the file store refused is told as such, in every language, not as the database restarting", () => {
  const keys = errorPageKeys(503, FILE_STORE_UNAVAILABLE);
  const restart = errorPageKeys(503);
  expect(keys.title).toBe(restart.title);
  expect(keys.body).not.toBe(restart.body);
  for (const language of SUPPORTED_LANGUAGES) {
    expect(typeof text(language, keys.body)).toBe("string");
    expect(text(language, keys.body)).not.toBe(text(language, restart.body));
  }
  expect(text("en", keys.body)).toMatch(/file/i);
});

test("each status has its page's texts, a body that is not a form read as a bad request, anything else as a 500", () => {
  expect(errorPageKeys(404)).toEqual({ title: "errorPage.404.title", body: "errorPage.404.body" });
  expect(errorPageKeys(415)).toEqual(errorPageKeys(400));
  expect(errorPageKeys(503, "something else")).toEqual(errorPageKeys(503));
  expect(errorPageKeys(418)).toEqual({ title: "errorPage.500.title", body: "errorPage.500.body" });
});
