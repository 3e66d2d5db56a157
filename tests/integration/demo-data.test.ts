import { describe, expect, test } from "vitest";
import { asksLegalFormGroup, currentMethodology, legalFormGroupOf, type ScoreResult } from "../../scoring";
import { findRescoringDifferences } from "~/models/assessment.server";
import { countOpenFlags, listModerationLog } from "~/models/forum-moderation.server";
import { prisma } from "~/utils/db.server";
import { toLocalizedText } from "~/utils/localized-text";
import { COUNTRY_CODES } from "~/utils/reference-data";
import { ROLES } from "~/utils/roles";
import { DEMO_USERS, seedIfEmpty } from "../../prisma/seed";

/**
 * Loads the demo data into this file's empty database the first time any test asks, whichever
 * test runs first, and keeps what that first load answered. Every test here asks before it looks.
 */
let firstLoad: Promise<boolean> | undefined;
const demoData = () => (firstLoad ??= seedIfEmpty(prisma));

// Loading the whole demo data (ratings, forum, learning library, registers) takes tens of seconds on a busy machine.
describe("the demo data", { timeout: 120_000 }, () => {
  test("fills an empty database once: 60+ enterprises in all seven countries and a login for every role", async () => {
    expect(await demoData()).toBe(true);
    expect(await seedIfEmpty(prisma)).toBe(false);
    const enterprises = await prisma.enterprise.findMany({ select: { country: true, sector: true, employees: true, region: true } });
    expect(enterprises.length).toBeGreaterThanOrEqual(60);
    expect(new Set(enterprises.map((e) => e.country))).toEqual(new Set(COUNTRY_CODES));
    expect(new Set(enterprises.map((e) => e.sector)).size).toBeGreaterThan(8);
    expect(new Set(enterprises.map((e) => e.region)).size).toBeGreaterThan(20);
    expect(enterprises.some((e) => e.employees === 0) && enterprises.some((e) => e.employees >= 50)).toBe(true);
    const roles = await prisma.userRole.findMany({
      where: { user: { email: { in: DEMO_USERS.map((u) => u.email) } } },
      select: { role: true },
    });
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(ROLES));
  });

  test("describes each enterprise as one place and one line of work: its city in its region, named in its description with its mission", async () => {
    await demoData();
    const enterprises = await prisma.enterprise.findMany({
      select: { name: true, city: true, region: true, description: true, mission: true, sector: true },
    });
    const regionsOfCity = new Map<string, Set<string>>();
    for (const enterprise of enterprises)
      regionsOfCity.set(enterprise.city, (regionsOfCity.get(enterprise.city) ?? new Set()).add(enterprise.region));
    expect([...regionsOfCity].filter(([, regions]) => regions.size > 1)).toEqual([]);
    expect(enterprises.filter((e) => !e.description.includes(`in ${e.city}.`) || !e.description.includes(e.mission))).toEqual([]);
    // The same kind of work (a farm, a bakery, a workshop) is always in the same sector.
    const sectorsOfWork = new Map<string, Set<string>>();
    for (const { name, sector } of enterprises) {
      const work = name.split(" ").slice(1).join(" ");
      sectorsOfWork.set(work, (sectorsOfWork.get(work) ?? new Set()).add(sector));
    }
    expect([...sectorsOfWork].filter(([, sectors]) => sectors.size > 1)).toEqual([]);
  });

  test("opens the forum with every theme and country as a category, and discussions in several languages", async () => {
    await demoData();
    const categories = await prisma.forumCategory.findMany({ select: { kind: true, country: true, name: true } });
    expect(categories.filter((c) => c.kind === "theme").length).toBe(7);
    expect(new Set(categories.filter((c) => c.kind === "country").map((c) => c.country))).toEqual(new Set(COUNTRY_CODES));
    // The standard categories are named in every language; the demo cohort's own is named as its organisation named the cohort.
    const standard = categories.filter((c) => c.kind !== "cohort");
    expect(standard.every((c) => toLocalizedText(c.name).ru && toLocalizedText(c.name).kk)).toBe(true);
    expect(categories.filter((c) => c.kind === "cohort").map((c) => toLocalizedText(c.name).en)).toEqual(["Autumn 2026 accelerator"]);
    const threads = await prisma.forumThread.findMany({ select: { title: true, postCount: true, _count: { select: { posts: true } } } });
    expect(threads.length).toBeGreaterThanOrEqual(5);
    expect(threads.every((t) => t.postCount === t._count.posts)).toBe(true);
    expect(threads.some((t) => /[а-я]/i.test(t.title)) && threads.some((t) => /^[\x20-\x7e]+$/.test(t.title))).toBe(true);
    const languages = new Set((await prisma.forumPost.findMany({ select: { language: true } })).map((p) => p.language));
    expect([...languages]).toEqual(expect.arrayContaining(["en", "ru", "kk", "uz", "mn", "fa-AF"]));
  });

  test("gives the moderator a log to read: a flag on a reply, dismissed with its reason, and no flag left open", async () => {
    await demoData();
    const { actions } = await listModerationLog();
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      action: "dismiss_flag",
      moderator: { displayName: expect.any(String) },
      thread: { title: "Законопроект о социальном предпринимательстве: что изменить?" },
      post: { number: 3 },
      targetUser: { displayName: expect.any(String) },
    });
    expect(actions[0]!.reason).toMatch(/^On topic/);
    const flags = await prisma.forumFlag.findMany({ select: { status: true, resolvedById: true, createdAt: true, resolvedAt: true } });
    expect(flags).toHaveLength(1);
    expect(flags[0]!.status).toBe("dismissed");
    expect(flags[0]!.resolvedAt!.getTime()).toBeGreaterThan(flags[0]!.createdAt.getTime());
    expect(await countOpenFlags()).toBe(0);
  });

  test("every demo assessment re-scores with its own methodology version to exactly its stored result", async () => {
    await demoData();
    const submitted = await prisma.assessment.count({ where: { status: "submitted" } });
    expect(submitted).toBeGreaterThan(60);
    expect(await prisma.assessment.count({ where: { published: true } })).toBeGreaterThan(40);
    const tiers = await prisma.assessment.groupBy({ by: ["tier"], where: { status: "submitted" }, _count: { _all: true } });
    expect(tiers.length).toBeGreaterThanOrEqual(3);
    expect(await findRescoringDifferences()).toEqual([]);
  });

  test("each enterprise's latest assessment is taken with its legal form, and some are not asked every question", async () => {
    await demoData();
    const latest = await prisma.assessment.findMany({
      where: { published: true },
      select: { legalForm: true, result: true, enterprise: { select: { legalForm: true } } },
    });
    expect(latest.length).toBeGreaterThan(40);
    for (const assessment of latest) expect(assessment.legalForm).toBe(assessment.enterprise.legalForm);
    // A question not asked of the enterprise's kind of organisation earns nothing and is not in its result at all.
    let leftOut = 0;
    for (const assessment of latest) {
      const group = legalFormGroupOf(assessment.legalForm);
      const scored = new Set((assessment.result as unknown as ScoreResult).contributions.map((c) => c.questionId));
      for (const question of currentMethodology.questions.filter((q) => !asksLegalFormGroup(q, group))) {
        expect(scored.has(question.id), `${question.id} for ${assessment.legalForm}`).toBe(false);
        leftOut += 1;
      }
    }
    expect(leftOut).toBeGreaterThan(0);
  });

  test("the re-scoring check flags a changed score but not reworded reasons", async () => {
    await demoData();
    const row = await prisma.assessment.findFirstOrThrow({
      where: { status: "submitted", eligible: false },
      select: { id: true, result: true },
    });
    const result = row.result as any;
    expect(result.eligibilityReasons.length).toBeGreaterThan(0);
    const reworded = {
      ...result,
      eligibilityReasons: result.eligibilityReasons.map((r: any) => ({ ...r, message: { en: "Reworded.", ru: "Иначе сказано." } })),
    };
    try {
      await prisma.assessment.update({ where: { id: row.id }, data: { result: reworded } });
      expect(await findRescoringDifferences()).toEqual([]);
      await prisma.assessment.update({ where: { id: row.id }, data: { result: { ...reworded, overall: result.overall + 1 } } });
      expect((await findRescoringDifferences()).map((r) => r.id)).toEqual([row.id]);
    } finally {
      // The other tests read the demo data as it was loaded.
      await prisma.assessment.update({ where: { id: row.id }, data: { result } });
    }
  });
});
