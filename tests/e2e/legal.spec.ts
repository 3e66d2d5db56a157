import { expect, expectAccessible, fillEnterpriseForm, logIn, test, uniqueEmail } from "./fixtures";
import { linkFromOutbox } from "./outbox";

test("an entrepreneur in Tajikistan reads, in Tajik, their pre-check against the law with the articles cited, and the law's page", async ({
  page,
}) => {
  await logIn(page, "entrepreneur@demo.ortaq.org");
  // The demo entrepreneur's Tajik enterprise is the one whose pre-check cites Law No. 2119.
  await page.request.post("/language", { form: { language: "tg", redirectTo: "/dashboard" } });
  await page.goto("/dashboard");
  const hrefs = await page
    .getByRole("main")
    .locator('a[href^="/enterprises/"]:not([href$="/new"])')
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")!).filter((h) => /^\/enterprises\/[^/]+$/.test(h)))]);
  let profile: string | null = null;
  for (const href of hrefs) {
    if ((await (await page.request.get(`${href}/legal`)).text()).includes("2119")) profile = href;
  }
  expect(profile, "a Tajik enterprise of the demo entrepreneur").not.toBeNull();

  await page.goto(profile!);
  await expect(page.getByRole("heading", { name: "Вазъи ҳуқуқӣ" })).toBeVisible();
  await expect(page.getByText("№ СИ-0009", { exact: false }).first()).toBeVisible();
  await page.getByRole("link", { name: "Санҷиши пешакӣ аз рӯи қонуни миллӣ" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /санҷиши пешакӣ аз рӯи қонуни миллӣ/ })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Танҳо роҳнамо, на қарори ҳуқуқӣ.");
  const definition = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Соҳибкории иҷтимоӣ", exact: true }) });
  await expect(definition).toContainText("Қонуни Ҷумҳурии Тоҷикистон «Дар бораи соҳибкории иҷтимоӣ»");
  await expect(definition).toContainText("моддаи 1(1)");
  const register = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Феҳристи субъектҳои соҳибкории иҷтимоӣ", exact: true }) });
  await expect(register).toContainText("Ба назар иҷро шудааст");
  await expect(register).toContainText("№ СИ-0009");
  // A condition whose article could not be confirmed says so instead of guessing.
  const conditions = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Шартҳои дохил шудан ба феҳрист" }) });
  await expect(conditions).toContainText("Тасдиқ нашудааст");
  await expect(conditions).toContainText("модда тасдиқ нашудааст");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Бештар дар бораи қонун" }).click();
  await expect(page).toHaveURL(/\/legal\/tj$/);
  await expect(page.getByRole("heading", { level: 1, name: /соҳибкории иҷтимоӣ дар қонунгузории миллӣ/ })).toBeVisible();
  await expect(page.getByText("№ 2119", { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
});

test("the law pages answer 404 for a country outside the region", async ({ page }) => {
  const response = await page.goto("/legal/ru");
  expect(response?.status()).toBe(404);
  await page.goto("/legal");
  await page.getByRole("main").getByRole("link", { name: "Kazakhstan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kazakhstan: social entrepreneurship in national law" })).toBeVisible();
  await expect(page.getByText("Not confirmed").first()).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the profile form refuses a BIN with a wrong check digit next to the field, keeps it, and takes the corrected one", async ({
    page,
  }) => {
    const email = uniqueEmail("bin");
    await page.goto("/signup");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByLabel("Display name").fill("Saule");
    await page.getByLabel("I come to Ortaq as").selectOption("entrepreneur");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.goto(await linkFromOutbox(email, "/confirm-email/"));
    await page.getByRole("button", { name: "Confirm the address" }).click();

    await page.goto("/enterprises/new");
    await fillEnterpriseForm(page, { name: "Talgar Apple Cooperative" });
    await page.getByLabel("Tax or business identification number").fill("1612 4000 8764");
    await page.getByLabel("Number in the national register of social enterprises").fill("ӘК-2024-0999");
    await page.getByLabel("Date of entry in the register").fill("2024-05-02");
    await page.getByRole("button", { name: "Create profile" }).click();
    await expect(page.getByText("This BIN/IIN is not valid: its last digit does not match the others.")).toBeVisible();
    await expect(page.getByLabel("Tax or business identification number")).toHaveValue("1612 4000 8764");
    await expect(page.getByLabel("Name of the enterprise")).toHaveValue("Talgar Apple Cooperative");

    await page.getByLabel("Tax or business identification number").fill("1612 4000 8763");
    await page.getByRole("button", { name: "Create profile" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Talgar Apple Cooperative" })).toBeVisible();
    await expect(page.getByText("161240008763")).toBeVisible();
    await expect(page.getByText("No. ӘК-2024-0999", { exact: false })).toBeVisible();
  });
});
