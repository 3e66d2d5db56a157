import { expect, logIn, test } from "./fixtures";

// The same pages are checked with axe in verification.spec.ts; axe itself needs JavaScript to run.

test.use({ javaScriptEnabled: false });

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(1500, 0x20), Buffer.from("\n%%EOF\n")]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(1500, 0)]);

test("without JavaScript an owner requests verification, uploads evidence and writes, and a verifier hands it back, takes it again, reviews and completes", async ({
  page: ownerPage,
  browser,
}) => {
  // The owner works in Russian (chosen here: other tests may change the demo account's language).
  let page = ownerPage;
  await logIn(page, "entrepreneur@demo.ortaq.org");
  await page.request.post("/language", { form: { language: "ru", redirectTo: "/dashboard" } });
  await page.goto("/dashboard");
  const enterprises = page.getByRole("main").locator(".cards h3 a");
  const link = enterprises.first();
  const name = (await link.innerText()).trim();
  const slug = (await link.getAttribute("href"))!;
  await page.goto(`${slug}/assessments`);
  await page.getByRole("main").getByRole("table").first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Подтверждения и верификация" }).click();
  await page.getByRole("button", { name: "Запросить верификацию" }).click();
  await expect(page.getByText("Верификация запрошена.")).toBeVisible();

  await page.getByLabel("Какой ответ подтверждает").first().selectOption({ label: "Зарегистрировано ли предприятие официально?" });
  await page.getByLabel("Файл", { exact: true }).setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: ELF });
  await page.getByRole("button", { name: "Загрузить файл" }).click();
  await expect(page.getByText("Такой тип файла не принимается")).toBeVisible();
  await page.getByLabel("Файл", { exact: true }).setInputFiles({ name: "свидетельство.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Загрузить файл" }).click();
  await expect(page.getByText("Файл добавлен.")).toBeVisible();
  await expect(page.getByRole("link", { name: "свидетельство.pdf" })).toBeVisible();
  await page.getByLabel("Какой ответ подтверждает").nth(1).selectOption({ label: "Зарегистрировано ли предприятие официально?" });
  await page.getByLabel("Адрес (https://…)").fill("https://example.org/charter.pdf");
  await page.getByRole("button", { name: "Добавить ссылку" }).click();
  await expect(page.getByText("Ссылка добавлена.")).toBeVisible();
  await page.getByLabel("Новое сообщение").fill("Свидетельство о регистрации приложено.");
  await page.getByRole("button", { name: "Отправить" }).click();
  await expect(page.getByText("Свидетельство о регистрации приложено.").first()).toBeVisible();
  const verificationPath = new URL(page.url()).pathname;

  const verifierContext = await browser.newContext({ javaScriptEnabled: false });
  page = await verifierContext.newPage();
  await logIn(page, "verifier@demo.ortaq.org");
  await page.goto("/verification");
  await page.getByRole("button", { name: `Take ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review: ${name}` })).toBeVisible();
  await page.getByRole("button", { name: "Hand back" }).click();
  await expect(page.getByText("Tick the box to confirm that the decisions made so far are discarded.")).toBeVisible();
  await page.getByLabel("Discard the decisions made so far and return the assessment to the queue").check();
  await page.getByRole("button", { name: "Hand back" }).click();
  await expect(page.getByText("The assessment is back in the queue, where any verifier can take it.")).toBeVisible();
  await page.getByRole("button", { name: `Take ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review: ${name}` })).toBeVisible();
  const question = page.locator("#review-gt_registered");
  await question.getByText("Change this answer").click();
  const yes = question.getByLabel("Yes", { exact: true });
  if (await yes.isChecked()) await question.getByLabel("No", { exact: true }).check();
  else await yes.check();
  await question.getByRole("button", { name: "Save the change" }).click();
  await expect(page.locator("#review-gt_registered").getByText("Write why the answer is changed.")).toBeVisible();
  await page.locator("#review-gt_registered").getByLabel("Reason").fill("The registry says otherwise.");
  await page.locator("#review-gt_registered").getByRole("button", { name: "Save the change" }).click();
  await expect(page.getByText("Answer changed.")).toBeVisible();
  await page.getByRole("button", { name: "Accept the remaining answers" }).click();
  await expect(page.getByText("Tick the box to confirm")).toBeVisible();
  await page.getByLabel("I have reviewed the answers not yet marked").check();
  await page.getByRole("button", { name: "Accept the remaining answers" }).click();
  await expect(page.getByText("The remaining answers were accepted.")).toBeVisible();
  await page.getByRole("button", { name: "Complete the review" }).click();
  await expect(page.getByText("Review completed.")).toBeVisible();

  await page.goto("/settings/organisation");
  await page.getByLabel("Organisation").fill("x");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter the organisation's name.")).toBeVisible();
  await page.getByLabel("Organisation").fill("Central Asian Impact Audit");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organisation saved.")).toBeVisible();

  await verifierContext.close();
  page = ownerPage;
  await page.goto(verificationPath);
  await expect(page.getByRole("table", { name: "Баллы самооценки и проверенные баллы по измерениям и разница между ними" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Каждый изменённый ответ с причиной, указанной верификатором" })).toContainText(
    "The registry says otherwise.",
  );
});
