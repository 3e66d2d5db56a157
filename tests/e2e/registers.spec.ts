import type { Page } from "@playwright/test";
import { expect, expectAccessible, logIn, test } from "./fixtures";

// Kazakhstan's register as the authority publishes it: a title line, Russian headers, semicolons.
// It lists the demo register's organisations again (so that nobody is marked as removed) and adds
// Shams Honey, a demo enterprise in Kazakhstan whose BIN (210540003114, prisma/demo-legal.ts) the
// demo register does not list; two organisations on it have no profile on Ortaq.
const REGISTER = [
  "Реестр субъектов социального предпринимательства;;;;",
  "№;БИН/ИИН;Наименование субъекта социального предпринимательства;Дата включения в реестр;Категория",
  "1;180340012346;Демо-предприятие 1;12.03.2024;1",
  "2;191140021174;Демо-предприятие 8;02.11.2023;3",
  "3;210440000017;ТОО «Пример без профиля»;15.05.2024;2",
  "4;210440000027;ИП «Пример без профиля»;20.08.2024;4",
  "5;210540003114;ТОО «Shams Honey»;01.12.2025;1",
].join("\r\n");
const REGISTERED_ENTERPRISE = "Shams Honey";

// A file that is not a table at all: the first bytes of a PNG image, named as a CSV.
const NOT_A_CSV = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00]);
// A CSV of something else: none of its columns is an identification number, a name or a date.
const WRONG_COLUMNS = ["Товар;Цена;Остаток", "Мёд;1200;5", "Сыр;900;3"].join("\r\n");

const csv = (name: string, text: string | Buffer) => ({
  name,
  mimeType: "text/csv",
  buffer: typeof text === "string" ? Buffer.from(`\uFEFF${text}`, "utf8") : text,
});

/** The ministry official of Kazakhstan (the demo account reads Russian) opens the register page from their dashboard. */
async function openRegisterPage(page: Page) {
  await logIn(page, "ministry@demo.ortaq.org");
  await page.getByRole("link", { name: "Загрузить национальный реестр социальных предприятий" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Национальные реестры социальных предприятий" })).toBeVisible();
  // The ministry imports for its own country only: Kazakhstan is the one choice, already chosen.
  await expect(page.getByLabel("Страна")).toHaveValue("KZ");
  await expect(page.getByLabel("Страна").locator("option[value]:not([value=''])")).toHaveCount(1);
}

async function upload(page: Page, file: ReturnType<typeof csv>, { javaScriptEnabled }: { javaScriptEnabled: boolean }) {
  const input = page.getByLabel("Файл реестра");
  await input.setInputFiles(file);
  // With JavaScript a field marked wrong is checked again as soon as it changes: its message is gone
  // (and the button below in its place) before the button is pressed.
  if (javaScriptEnabled) await expect(input).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Загрузить и проверить" }).click();
}

/** Uploads the register, checks the preview and the recognised columns, applies it and reads the report. */
async function importRegister(page: Page, { javaScriptEnabled }: { javaScriptEnabled: boolean }) {
  await upload(page, csv("reestr-ssp-kz.csv", REGISTER), { javaScriptEnabled });
  await expect(page.getByText("Файл прочитан. Проверьте столбцы и загрузите.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Загрузка реестра: Казахстан" })).toBeVisible();
  const preview = page.getByRole("table", { name: "Первые строки файла" });
  await expect(preview.getByRole("columnheader", { name: "БИН/ИИН" })).toBeVisible();
  await expect(preview.getByRole("row")).toHaveCount(6);
  await expect(preview.getByRole("row").filter({ hasText: "210540003114" })).toContainText("01.12.2025");
  // The columns are recognised from the Russian headers.
  const chosen = (label: string) => page.getByLabel(label).locator("option:checked");
  await expect(chosen("Идентификационный номер (БИН, ИИН, ИНН…)")).toHaveText("БИН/ИИН");
  await expect(chosen("Наименование")).toHaveText("Наименование субъекта социального предпринимательства");
  await expect(chosen("Дата включения в реестр")).toHaveText("Дата включения в реестр");
  if (javaScriptEnabled) await expectAccessible(page);

  await page.getByRole("button", { name: "Загрузить строки этого файла (5)" }).click();
  await expect(page.getByText("Реестр загружен.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Отчёт" })).toBeVisible();
  await expect(page.getByText("Прочитано строк: 5")).toBeVisible();
  await expect(page.getByText("Сопоставлено с предприятиями на Ortaq: 3")).toBeVisible();
  await expect(page.getByText("Не сопоставлено (на Ortaq нет предприятия с таким номером): 2")).toBeVisible();
  await expect(page.getByText("Исключено из реестра со времени предыдущей загрузки: 0")).toBeVisible();
  const matched = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: REGISTERED_ENTERPRISE, exact: true }) });
  await expect(matched).toContainText("В национальном реестре социальных предприятий (Казахстан) с");
  await expect(matched).toContainText("2025");
  await page.getByText("В реестре, но не на Ortaq (2)").click();
  await expect(page.getByText("ТОО «Пример без профиля» (210440000017)", { exact: false })).toBeVisible();
  if (javaScriptEnabled) await expectAccessible(page);

  // The enterprise's own page says it is in the register, and since when.
  await page.getByRole("link", { name: REGISTERED_ENTERPRISE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: REGISTERED_ENTERPRISE })).toBeVisible();
  const mark = page.locator(".register-mark-listed");
  await expect(mark).toContainText("Национальный реестр");
  await expect(mark).toContainText("В национальном реестре социальных предприятий (Казахстан) с");
  await expect(mark).toContainText("2025");
  if (javaScriptEnabled) await expectAccessible(page);

  // The directory, filtered to registered enterprises, lists it with the register's badge.
  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Рейтинги" }).click();
  await page.getByLabel("Национальный реестр", { exact: true }).selectOption({ label: "В национальном реестре" });
  await page.getByLabel("Страна").selectOption("KZ");
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/registered=yes/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: REGISTERED_ENTERPRISE, exact: true }) });
  await expect(row).toContainText("Национальный реестр");
  // Every enterprise the filter lists carries the badge.
  // (One assertion over the whole table, retried until it holds: rows counted once and then read one by
  // one could belong to a table that the page has since replaced.)
  const rows = page.locator("table tbody tr");
  const badged = page.getByRole("rowheader").filter({ hasText: "Национальный реестр" });
  await expect(rows.filter({ hasNot: badged })).toHaveCount(0);
  await expect(rows.filter({ has: badged })).not.toHaveCount(0);
  if (javaScriptEnabled) await expectAccessible(page);
}

test("a ministry official finds the register page on their dashboard, is told clearly when a file is not a register, imports Kazakhstan's register and sees the matched enterprise marked on its page and in the directory", async ({
  page,
}) => {
  await openRegisterPage(page);
  await expectAccessible(page);

  // Not a CSV: the form says so and nothing is kept.
  await upload(page, csv("reestr.csv", NOT_A_CSV), { javaScriptEnabled: true });
  await expect(page.getByText("Это не файл CSV или .xlsx (книги с макросами не принимаются).")).toBeVisible();
  await expect(page.getByLabel("Файл реестра")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // A CSV with other columns: nothing is recognised, and columns that hold no register say so.
  await upload(page, csv("prices.csv", WRONG_COLUMNS), { javaScriptEnabled: true });
  await expect(page.getByText("Файл прочитан. Проверьте столбцы и загрузите.")).toBeVisible();
  await page.getByRole("button", { name: /Загрузить строки этого файла/ }).click();
  await expect(page.getByText("Выберите столбец.")).toHaveCount(3);
  await page.getByLabel("Идентификационный номер (БИН, ИИН, ИНН…)").selectOption({ label: "Товар" });
  await page.getByLabel("Наименование").selectOption({ label: "Цена" });
  await page.getByLabel("Дата включения в реестр").selectOption({ label: "Остаток" });
  // Each choice is checked as it is made: the messages are gone before the button is pressed.
  await expect(page.getByText("Выберите столбец.")).toHaveCount(0);
  await page.getByRole("button", { name: /Загрузить строки этого файла/ }).click();
  await expect(
    page.getByText("С этими столбцами не прочиталась ни одна строка, поэтому ничего не загружено.", { exact: false }),
  ).toBeVisible();
  const errors = page.getByRole("table", { name: "Первые строки, которые не удалось прочитать" });
  await expect(errors).toContainText("Идентификационный номер состоит не только из цифр");
  await expect(errors).toContainText("Мёд");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Отменить эту загрузку" }).click();
  await expect(page.getByText("Загрузка отменена.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Национальные реестры социальных предприятий" })).toBeVisible();

  await importRegister(page, { javaScriptEnabled: true });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a ministry official uploads a register, is told when the file is not one, and applies Kazakhstan's register with plain forms", async ({
    page,
  }) => {
    await openRegisterPage(page);
    await upload(page, csv("reestr.csv", NOT_A_CSV), { javaScriptEnabled: false });
    await expect(page.getByText("Это не файл CSV или .xlsx (книги с макросами не принимаются).")).toBeVisible();
    await importRegister(page, { javaScriptEnabled: false });
  });
});
