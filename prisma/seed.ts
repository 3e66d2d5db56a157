import { hash } from "@node-rs/argon2";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { currentMethodology, legalFormGroupOf, methodologies, scoreAssessment } from "../scoring";
import { refreshRatingFacts } from "~/models/sector.server";
import { assignHandle } from "~/models/user.server";
import { generateAnswers } from "./demo-answers";
import { demoLegalStatus } from "./demo-legal";
import { seedRegisters } from "./register-seed";
import { seedForumConsultations } from "./forum-consultation-seed";
import { seedForumDemo } from "./forum-seed";
import { seedLearning } from "./learning-seed";
import { seedMentors } from "./mentorship-seed";
import { seedCohorts } from "./cohort-seed";
import { BENEFICIARY_GROUPS, COUNTRY_CODES, LEGAL_FORMS, type CountryCode, type Sector } from "~/utils/reference-data";
import { slugify } from "~/utils/slug";
import { seededRandom } from "~/utils/seeded-random";

const FIRST_METHODOLOGY = methodologies["1"]!;

export const DEMO_PASSWORD = "ortaq-demo-2026";

/** One demo login per role; the README lists them. */
export const DEMO_USERS = [
  { email: "entrepreneur@demo.ortaq.org", displayName: "Aigerim Sadykova", locale: "ru", role: "entrepreneur", country: null },
  { email: "funder@demo.ortaq.org", displayName: "Daniyar Fund", locale: "en", role: "funder", country: null },
  { email: "ministry@demo.ortaq.org", displayName: "Ministry of National Economy (KZ)", locale: "ru", role: "ministry", country: "KZ" },
  { email: "verifier@demo.ortaq.org", displayName: "Nodira Verification", locale: "en", role: "verifier", country: null },
  { email: "moderator@demo.ortaq.org", displayName: "Bakyt Moderator", locale: "en", role: "moderator", country: null },
  { email: "admin@demo.ortaq.org", displayName: "Ortaq Administrator", locale: "en", role: "admin", country: null },
  { email: "incubator@demo.ortaq.org", displayName: "Saule Incubator", locale: "en", role: "incubator", country: null },
] as const;

const NAME_FIRST = [
  "Jasyl",
  "Altyn",
  "Nur",
  "Ak",
  "Kok",
  "Bereke",
  "Umut",
  "Yrys",
  "Ziyo",
  "Baraka",
  "Tumar",
  "Sabr",
  "Ortaq",
  "Dostuk",
  "Khayr",
  "Nurly",
  "Bahor",
  "Shams",
  "Tengri",
  "Saryarka",
  "Issyk",
  "Pamir",
  "Oasis",
  "Silk Road",
  "Steppe",
];
// The second word of a name says what the enterprise does: its sector, and so its mission.
const NAME_SECOND: ReadonlyArray<readonly [string, DemoSector]> = [
  ["Crafts", "crafts_textiles"],
  ["Harvest", "agriculture_food"],
  ["Bakery", "agriculture_food"],
  ["Learning Centre", "education"],
  ["Felt Workshop", "crafts_textiles"],
  ["Eco Recycling", "environment_recycling"],
  ["Care Services", "social_services"],
  ["Water", "energy_water"],
  ["Solar", "energy_water"],
  ["Textiles", "crafts_textiles"],
  ["Tourism", "tourism_culture"],
  ["Garden", "agriculture_food"],
  ["Dairy Cooperative", "agriculture_food"],
  ["Digital Academy", "technology_digital"],
  ["Honey", "agriculture_food"],
  ["Clinic", "health_care"],
  ["Print House", "employment_training"],
  ["Café", "agriculture_food"],
  ["Sewing Studio", "crafts_textiles"],
  ["Farm", "agriculture_food"],
];
// Each city with the first-level region it lies in, so that an enterprise's city, region and
// description name the same place.
const PLACES: Record<CountryCode, ReadonlyArray<{ city: string; region: string }>> = {
  KZ: [
    { city: "Almaty", region: "KZ-75" },
    { city: "Astana", region: "KZ-71" },
    { city: "Shymkent", region: "KZ-79" },
    { city: "Karaganda", region: "KZ-35" },
    { city: "Aktobe", region: "KZ-15" },
    { city: "Taraz", region: "KZ-31" },
    { city: "Pavlodar", region: "KZ-55" },
    { city: "Semey", region: "KZ-10" },
  ],
  KG: [
    { city: "Bishkek", region: "KG-GB" },
    { city: "Osh", region: "KG-GO" },
    { city: "Karakol", region: "KG-Y" },
    { city: "Naryn", region: "KG-N" },
    { city: "Jalal-Abad", region: "KG-J" },
    { city: "Talas", region: "KG-T" },
    { city: "Tokmok", region: "KG-C" },
  ],
  TJ: [
    { city: "Dushanbe", region: "TJ-DU" },
    { city: "Khujand", region: "TJ-SU" },
    { city: "Bokhtar", region: "TJ-KT" },
    { city: "Kulob", region: "TJ-KT" },
    { city: "Khorog", region: "TJ-GB" },
    { city: "Istaravshan", region: "TJ-SU" },
  ],
  TM: [
    { city: "Ashgabat", region: "TM-S" },
    { city: "Turkmenabat", region: "TM-L" },
    { city: "Dashoguz", region: "TM-D" },
    { city: "Mary", region: "TM-M" },
    { city: "Balkanabat", region: "TM-B" },
  ],
  UZ: [
    { city: "Tashkent", region: "UZ-TK" },
    { city: "Samarkand", region: "UZ-SA" },
    { city: "Bukhara", region: "UZ-BU" },
    { city: "Namangan", region: "UZ-NG" },
    { city: "Andijan", region: "UZ-AN" },
    { city: "Fergana", region: "UZ-FA" },
    { city: "Nukus", region: "UZ-QR" },
    { city: "Khiva", region: "UZ-XO" },
  ],
  AF: [
    { city: "Kabul", region: "AF-KAB" },
    { city: "Herat", region: "AF-HER" },
    { city: "Mazar-i-Sharif", region: "AF-BAL" },
    { city: "Kandahar", region: "AF-KAN" },
    { city: "Jalalabad", region: "AF-NAN" },
    { city: "Bamyan", region: "AF-BAM" },
  ],
  MN: [
    { city: "Ulaanbaatar", region: "MN-1" },
    { city: "Erdenet", region: "MN-035" },
    { city: "Darkhan", region: "MN-037" },
    { city: "Khovd", region: "MN-043" },
    { city: "Murun", region: "MN-041" },
    { city: "Choibalsan", region: "MN-061" },
  ],
};
type DemoSector = Extract<
  Sector,
  | "agriculture_food"
  | "crafts_textiles"
  | "education"
  | "employment_training"
  | "energy_water"
  | "environment_recycling"
  | "health_care"
  | "social_services"
  | "technology_digital"
  | "tourism_culture"
>;
const MISSIONS: Record<DemoSector, readonly string[]> = {
  agriculture_food: ["Bringing affordable, healthy food from smallholder farmers to city families."],
  crafts_textiles: ["Creating fair jobs for women in rural areas while reviving traditional crafts."],
  education: ["Offering quality after-school learning to children from low-income families."],
  employment_training: [
    "Giving young people with disabilities skills and paid work in a supportive workplace.",
    "Helping returning migrants start small businesses in their home villages.",
  ],
  energy_water: ["Bringing clean water and solar energy to remote mountain communities."],
  environment_recycling: ["Turning household waste into useful products and cleaner neighbourhoods."],
  health_care: ["Offering affordable primary care and health advice to families far from a hospital."],
  social_services: ["Providing care and companionship to older people living alone."],
  technology_digital: ["Teaching young people in small towns to code and to find work online."],
  tourism_culture: ["Welcoming travellers to village homestays, so that mountain families earn from their own heritage."],
};

export function demoEnterprises(count = 70) {
  const random = seededRandom(20261124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sample = <T>(list: readonly T[], n: number) => [...list].sort(() => random() - 0.5).slice(0, n);
  const used = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const country = COUNTRY_CODES[index % COUNTRY_CODES.length]!;
    const [first, [second, sector]] = [pick(NAME_FIRST), pick(NAME_SECOND)];
    let name = `${first} ${second}`;
    while (used.has(slugify(name))) name = `${name} ${pick(PLACES[country]).city}`;
    used.add(slugify(name));
    const sizeRoll = random();
    const employees =
      sizeRoll < 0.15
        ? 0
        : sizeRoll < 0.6
          ? 1 + Math.floor(random() * 9)
          : sizeRoll < 0.9
            ? 10 + Math.floor(random() * 40)
            : 50 + Math.floor(random() * 200);
    // Draws that chose a city, a sector and a description apart from the name and the place are still
    // made, so that the enterprises after this one keep their names, sizes and answers (the journeys
    // and the demo's legal data name some).
    const skip = (draws: number) => Array.from({ length: draws }, random);
    const legalForm = pick(LEGAL_FORMS);
    const place = pick(PLACES[country]);
    skip(2);
    const foundedYear = 2005 + Math.floor(random() * 20);
    const womenLed = random() < 0.45;
    const youthLed = random() < 0.3;
    const mission = pick(MISSIONS[sector]);
    skip(2);
    return {
      slug: slugify(name),
      name,
      legalForm,
      country,
      region: place.region,
      city: place.city,
      sector,
      foundedYear,
      employees,
      womenLed,
      youthLed,
      description: `${name} is a social enterprise in ${place.city}. ${mission} It reinvests its profits in its mission and works with local partners.`,
      mission,
      website: random() < 0.5 ? `https://${slugify(name)}.example.org` : null,
      sdgs: sample([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 15, 17], 1 + Math.floor(random() * 4)).sort((a, b) => a - b),
      beneficiaryGroups: sample(BENEFICIARY_GROUPS, 1 + Math.floor(random() * 3)),
      status: index % 12 === 11 ? ("draft" as const) : ("published" as const),
    };
  });
}

/** Loads the demo data into an empty database; does nothing when any user exists. Safe to run from two processes at once. */
export async function seedIfEmpty(prisma: PrismaClient, { log = () => {} }: { log?: (message: string) => void } = {}) {
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const seeded = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4207001)`;
      if ((await tx.user.count()) > 0) return false;
      const users: { id: string; email: string }[] = [];
      for (const demo of DEMO_USERS) {
        users.push(
          await tx.user.create({
            data: {
              email: demo.email,
              displayName: demo.displayName,
              locale: demo.locale,
              passwordHash,
              organisation:
                demo.role === "verifier" ? "Central Asian Impact Audit" : demo.role === "incubator" ? "Steppe Impact Hub" : null,
              // The demo community has been around for a while (new accounts have stricter forum limits).
              createdAt: new Date(Date.now() - 120 * 86_400_000),
              emailConfirmedAt: new Date(Date.now() - 120 * 86_400_000),
              roles: { create: { role: demo.role, country: demo.country } },
            },
            select: { id: true, email: true },
          }),
        );
        await assignHandle(tx, users.at(-1)!.id);
      }
      const owners: { id: string }[] = [];
      for (const country of COUNTRY_CODES) {
        const owner = await tx.user.create({
          data: {
            email: `owner-${country.toLowerCase()}@demo.ortaq.org`,
            displayName: `Demo owner (${country})`,
            passwordHash,
            createdAt: new Date(Date.now() - 120 * 86_400_000),
            emailConfirmedAt: new Date(Date.now() - 120 * 86_400_000),
            roles: { create: { role: "entrepreneur" } },
          },
          select: { id: true },
        });
        await assignHandle(tx, owner.id);
        owners.push(owner);
      }
      const entrepreneur = users[0]!;
      const verifier = users.find((u) => u.email.startsWith("verifier@"))!;
      const now = Date.now();
      const day = 86_400_000;
      // Some published ratings are verified (one of them more than 24 months ago, so it shows as
      // expired) and one request waits in the verifiers' queue; the first enterprises, which the
      // demo entrepreneur owns, are left for them to request verification themselves.
      let expiredDone = false;
      let requestDone = false;
      const random = seededRandom(7);
      const enterpriseIds: string[] = [];
      for (const [index, enterprise] of demoEnterprises().entries()) {
        const ownerId = index < 3 ? entrepreneur.id : owners[index % owners.length]!.id;
        const created = await tx.enterprise.create({
          data: {
            ...enterprise,
            ...demoLegalStatus(index),
            publishedAt: enterprise.status === "published" ? new Date(now - index * 86_400_000) : null,
            members: { create: { userId: ownerId, role: "owner" } },
          },
          select: { id: true },
        });
        enterpriseIds.push(created.id);
        // Most enterprises have one to three submitted assessments over the last two years,
        // each better than the last; the newest is published when the profile is.
        const count = index % 10 === 9 ? 0 : 1 + Math.floor(random() * 3);
        let quality = 0.15 + random() * 0.6;
        const published = enterprise.status === "published";
        const verification =
          index < 3 || !published || count === 0
            ? null
            : !expiredDone && count === 1
              ? "expired"
              : index % 5 === 4
                ? "verified"
                : !requestDone && index % 5 === 1
                  ? "requested"
                  : null;
        if (verification === "expired") expiredDone = true;
        if (verification === "requested") requestDone = true;
        for (let n = 0; n < count; n++) {
          const latest = n === count - 1;
          // The latest assessment is taken with the current methodology, the earlier ones with
          // version 1, as they would have been before version 2 was published.
          const methodology = latest ? currentMethodology : FIRST_METHODOLOGY;
          const answers = generateAnswers(methodology, random, { quality, employees: enterprise.employees });
          // The latest is taken with the enterprise's legal form, whose group decides the questions asked.
          const legalForm = latest ? enterprise.legalForm : null;
          const result = scoreAssessment(methodology, answers, { legalFormGroup: legalFormGroupOf(legalForm) });
          const submittedAt = new Date(
            verification === "expired" && latest ? now - 800 * day : now - (700 - n * 230 - Math.floor(random() * 60)) * day,
          );
          const assessment = await tx.assessment.create({
            data: {
              enterpriseId: created.id,
              methodologyVersion: methodology.version,
              legalForm,
              status: "submitted",
              answers: answers as Prisma.InputJsonValue,
              result: result as unknown as Prisma.InputJsonValue,
              overall: result.overall,
              tier: result.tier,
              eligible: result.eligible,
              submittedAt,
              published: latest && enterprise.status === "published",
              publishedAt: latest && enterprise.status === "published" ? submittedAt : null,
              createdById: ownerId,
            },
            select: { id: true },
          });
          if (latest && verification) {
            await seedVerification(tx, {
              assessmentId: assessment.id,
              kind: verification,
              ownerId,
              verifierId: verifier.id,
              requestedAt: new Date(
                submittedAt.getTime() +
                  (verification === "requested" ? Math.min(20, Math.floor((now - submittedAt.getTime()) / day) - 1) : 5) * day,
              ),
              result,
            });
          }
          quality = Math.min(0.95, quality + random() * 0.15);
        }
        await refreshRatingFacts(created.id, tx);
      }
      await seedForumDemo(tx, { enterpriseIds, now });
      await seedForumConsultations(tx, { now });
      await seedLearning(tx, { authorId: users.find((u) => u.email.startsWith("admin@"))!.id, now });
      await seedMentors(tx, { passwordHash, now });
      await seedCohorts(tx, { incubatorId: users.find((u) => u.email.startsWith("incubator@"))!.id, enterpriseIds, now });
      await seedRegisters(tx, { importerId: users.find((u) => u.email.startsWith("ministry@"))!.id });
      return true;
    },
    { timeout: 60_000 },
  );
  if (seeded) log(`Loaded demo data. Demo logins use the password "${DEMO_PASSWORD}".`);
  return seeded;
}

/** A verification of a demo assessment: completed with every answer accepted, or waiting in the queue. */
async function seedVerification(
  tx: Tx,
  {
    assessmentId,
    kind,
    ownerId,
    verifierId,
    requestedAt,
    result,
  }: {
    assessmentId: string;
    kind: "verified" | "expired" | "requested";
    ownerId: string;
    verifierId: string;
    requestedAt: Date;
    result: ReturnType<typeof scoreAssessment>;
  },
) {
  const organisation = "Central Asian Impact Audit";
  const events: Prisma.VerificationEventCreateManyInput[] = [
    { assessmentId, actorId: ownerId, action: "requested", createdAt: requestedAt },
  ];
  await tx.evidenceItem.create({
    data: {
      assessmentId,
      questionId: "gt_registered",
      kind: "link",
      url: "https://example.org/registration-certificate",
      uploadedById: ownerId,
      createdAt: requestedAt,
    },
    select: { id: true },
  });
  events.push({
    assessmentId,
    actorId: ownerId,
    action: "link_added",
    detail: { questionId: "gt_registered", url: "https://example.org/registration-certificate" },
    createdAt: requestedAt,
  });
  if (kind === "requested") {
    await tx.verification.create({ data: { assessmentId, requestedById: ownerId, requestedAt }, select: { id: true } });
  } else {
    const takenAt = new Date(requestedAt.getTime() + 3 * 86_400_000);
    const completedAt = new Date(requestedAt.getTime() + 12 * 86_400_000);
    const decisions = Object.fromEntries(
      result.contributions.map((c) => [c.questionId, { decision: "accepted", at: completedAt.toISOString() }]),
    );
    await tx.verification.create({
      data: {
        assessmentId,
        status: "completed",
        requestedById: ownerId,
        requestedAt,
        verifierId,
        takenAt,
        decisions,
        result: result as unknown as Prisma.InputJsonValue,
        overall: result.overall,
        tier: result.tier,
        eligible: result.eligible,
        organisation,
        completedAt,
      },
      select: { id: true },
    });
    events.push(
      { assessmentId, actorId: verifierId, action: "taken", detail: { organisation }, createdAt: takenAt },
      {
        assessmentId,
        actorId: verifierId,
        action: "answers_accepted",
        detail: { count: result.contributions.length },
        createdAt: completedAt,
      },
      {
        assessmentId,
        actorId: verifierId,
        action: "completed",
        detail: { selfOverall: result.overall, verifiedOverall: result.overall, tier: result.tier, changed: 0, organisation },
        createdAt: completedAt,
      },
    );
  }
  await tx.verificationEvent.createMany({ data: events });
}
