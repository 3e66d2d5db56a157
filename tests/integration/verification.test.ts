import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { currentMethodology as m, scoreAssessment, type Answers } from "../../scoring";
import { generateAnswers } from "../../prisma/demo-answers";
import { MIN_GROUP, refreshRatingFacts, computeSectorSummary } from "~/models/sector.server";
import * as apiList from "~/routes/api.v1.enterprises";
import * as apiOne from "~/routes/api.v1.enterprises_.$slug";
import * as openapi from "~/routes/api.v1.openapi[.]json";
import * as enterprisePage from "~/routes/enterprises.$slug";
import * as verificationPage from "~/routes/enterprises.$slug_.assessments_.$id_.verification";
import * as verificationUpload from "~/routes/enterprises.$slug_.assessments_.$id_.verification_.upload";
import * as evidenceDownload from "~/routes/evidence.$id";
import * as ratings from "~/routes/ratings";
import * as ratingsExport from "~/routes/ratings_.export";
import * as sectorExport from "~/routes/sector_.export.$table";
import * as queue from "~/routes/verification";
import * as review from "~/routes/verification_.$id";
import { resetApiRateLimit } from "~/utils/api.server";
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { detectEvidenceType } from "~/utils/evidence-files.server";
import { SAMPLE_FILES, uploadRequest } from "../helpers/evidence";
import { validEnterpriseFields } from "../helpers/enterprise";
import { enterpriseWithOwnerAndMember } from "../helpers/enterprise-people";
import { createTestUser, formRequest, getRequest, run } from "../helpers/routes";

const evidenceDir = mkdtempSync(path.join(tmpdir(), "ortaq-evidence-"));
const MAX_BYTES = 200_000;

beforeAll(() => {
  process.env.EVIDENCE_DIR = evidenceDir;
  process.env.EVIDENCE_MAX_BYTES = String(MAX_BYTES);
  resetEnvCache();
});
beforeEach(() => resetApiRateLimit());

const bestAnswers = generateAnswers(m, () => 0.99, { quality: 1, employees: 12 });
let serial = 0;

/** A published enterprise (KZ, crafts) with an owner and a member, and a submitted, published assessment. */
async function ratedEnterprise({ country = "KZ" }: { country?: string } = {}) {
  serial += 1;
  const { owner, member, enterprise } = await enterpriseWithOwnerAndMember({
    country,
    region: country === "KZ" ? validEnterpriseFields().region : "KG-C",
    name: `Verified Felt ${serial}`,
  });
  const result = scoreAssessment(m, bestAnswers);
  const assessment = await prisma.assessment.create({
    data: {
      enterpriseId: enterprise.id,
      methodologyVersion: m.version,
      status: "submitted",
      submittedAt: new Date(),
      answers: bestAnswers as object,
      result: result as object,
      overall: result.overall,
      tier: result.tier,
      eligible: result.eligible,
      published: true,
      publishedAt: new Date(),
    },
    select: { id: true },
  });
  await refreshRatingFacts(enterprise.id);
  const params = { slug: enterprise.slug, id: assessment.id };
  const pagePath = `/enterprises/${enterprise.slug}/assessments/${assessment.id}/verification`;
  return { owner, member, enterprise, assessment, params, pagePath, result };
}

async function verifierUser(organisation: string | null = "Steppe Audit LLP") {
  const verifier = await createTestUser({ roles: ["verifier"] });
  if (organisation) await prisma.user.update({ where: { id: verifier.id }, data: { organisation } });
  return verifier;
}

async function requested() {
  const world = await ratedEnterprise();
  const outcome = await run(verificationPage.action, formRequest(world.pagePath, { intent: "request" }, world.owner.cookie), world.params);
  expect(outcome.status).toBe(302);
  const verification = await prisma.verification.findUniqueOrThrow({ where: { assessmentId: world.assessment.id }, select: { id: true } });
  return { ...world, verificationId: verification.id };
}

async function taken(organisation = "Steppe Audit LLP") {
  const world = await requested();
  const verifier = await verifierUser(organisation);
  const outcome = await run(
    queue.action,
    formRequest("/verification", { intent: "take", verificationId: world.verificationId }, verifier.cookie),
  );
  expect(outcome.status).toBe(302);
  return { ...world, verifier, reviewPath: `/verification/${world.verificationId}`, reviewParams: { id: world.verificationId } };
}

/** A review the verifier (a new one, or `world`'s own) has completed, with one answer changed. */
async function completed(world?: Awaited<ReturnType<typeof taken>>) {
  if (!world) world = await taken("Bishkek Social Audit");
  await run(
    review.action,
    formRequest(
      world.reviewPath,
      { intent: "change", questionId: "gt_registered", "q.gt_registered": "no", reason: "No registration found." },
      world.verifier.cookie,
    ),
    world.reviewParams,
  );
  await run(
    review.action,
    formRequest(world.reviewPath, { intent: "accept-rest", confirm: "yes" }, world.verifier.cookie),
    world.reviewParams,
  );
  expect(
    (await run(review.action, formRequest(world.reviewPath, { intent: "complete" }, world.verifier.cookie), world.reviewParams)).status,
  ).toBe(302);
  return world;
}

function upload(
  world: { pagePath: string; params: Record<string, string> },
  cookie: string,
  file: { name: string; bytes: Buffer; type?: string } | null,
  questionId = "gt_registered",
) {
  return run(verificationPage.action, uploadRequest(world.pagePath, { questionId }, file, cookie), world.params);
}

const storedFiles = () => readdirSync(evidenceDir);

/** The messages a refused form answered with, by field ("" for the form as a whole). */
function errorsOf(data: unknown) {
  return (data as { result?: { error?: Record<string, string[] | null> } } | null)?.result?.error ?? {};
}

describe("evidence type detection", () => {
  test.each([
    ["pdf", "pdf"],
    ["png", "png"],
    ["jpeg", "jpeg"],
    ["webp", "webp"],
    ["docx", "docx"],
    ["xlsx", "xlsx"],
    ["pptx", "pptx"],
    ["odt", "odt"],
    ["doc", "doc"],
    ["xls", "xls"],
  ] as const)("reads a %s file as %s from its content", async (sample, type) => {
    const file = path.join(evidenceDir, `sample-${sample}.bin`);
    writeFileSync(file, SAMPLE_FILES[sample]);
    expect(await detectEvidenceType(file)).toBe(type);
  });

  test.each([
    "exe",
    "elf",
    "script",
    "html",
    "plainZip",
    "macroDocument",
    "msi",
    "macroDoc",
    "macroXls",
    "odtHeaderOnly",
    "odtWithMacros",
    "odtWithoutContent",
  ] as const)("refuses %s whatever it is named", async (sample) => {
    const file = path.join(evidenceDir, `sample-${sample}.pdf`);
    writeFileSync(file, SAMPLE_FILES[sample]);
    expect(await detectEvidenceType(file)).toBeNull();
  });
});

describe("evidence uploads", () => {
  test("a member's PDF is stored outside the app under a random name, with the type read from its content", async () => {
    const world = await ratedEnterprise();
    const before = storedFiles().length;
    const outcome = await upload(world, world.member.cookie, { name: "registration.pdf", bytes: SAMPLE_FILES.pdf, type: "text/plain" });
    expect(outcome.status).toBe(302);
    const item = await prisma.evidenceItem.findFirstOrThrow({
      where: { assessmentId: world.assessment.id },
      select: { fileName: true, contentType: true, storageName: true, questionId: true, size: true },
    });
    expect(item).toMatchObject({
      fileName: "registration.pdf",
      contentType: "application/pdf",
      questionId: "gt_registered",
      size: SAMPLE_FILES.pdf.length,
    });
    expect(item.storageName).toMatch(/^[0-9a-f]{36}$/);
    expect(storedFiles()).toContain(item.storageName);
    expect(storedFiles().length).toBe(before + 1);
  });

  test("any reasonable file name is accepted, and the stored name ends in the extension of the type read from the content", async () => {
    const world = await ratedEnterprise();
    const names: [string, Buffer, string][] = [
      ["a=b.pdf", SAMPLE_FILES.pdf, "a=b.pdf"],
      ["budget; 2025 (final).pdf", SAMPLE_FILES.pdf, "budget; 2025 (final).pdf"],
      ["poly.html", SAMPLE_FILES.pdf, "poly.pdf"],
      ["x.svg", SAMPLE_FILES.png, "x.png"],
      ["photo.JPG", SAMPLE_FILES.jpeg, "photo.JPG"],
      ["Annual report v2.1", SAMPLE_FILES.pdf, "Annual report v2.1.pdf"],
    ];
    for (const [name, bytes] of names) {
      const outcome = await upload(world, world.member.cookie, { name, bytes });
      expect(outcome.status, name).toBe(302);
    }
    const stored = await prisma.evidenceItem.findMany({
      where: { assessmentId: world.assessment.id },
      select: { fileName: true },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map((item) => item.fileName)).toEqual(names.map(([, , kept]) => kept));
  });

  test("Office files with macros and things dressed up as OpenDocument are refused on upload", async () => {
    const world = await ratedEnterprise();
    const files = storedFiles().length;
    for (const [name, bytes] of [
      ["minutes.doc", SAMPLE_FILES.macroDoc],
      ["budget.xls", SAMPLE_FILES.macroXls],
      ["report.odt", SAMPLE_FILES.odtHeaderOnly],
    ] as const) {
      const outcome = await upload(world, world.owner.cookie, { name, bytes });
      expect(outcome.status, name).toBe(415);
      expect(errorsOf(outcome.data).file, name).toEqual(["verification.upload.bad_type"]);
    }
    expect((await upload(world, world.owner.cookie, { name: "plain.doc", bytes: SAMPLE_FILES.doc })).status).toBe(302);
    expect(storedFiles().length).toBe(files + 1);
  });

  test("a broken multipart body is refused as malformed (400), and nothing is kept", async () => {
    const world = await ratedEnterprise();
    const files = storedFiles().length;
    const broken = new Request(`http://localhost${world.pagePath}`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz", Cookie: world.owner.cookie },
      body: `--xyz\r\nContent-Disposition: form-data; name="questionId"\r\n\r\ngt_registered\r\n--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 and then the body just stops`,
    });
    const outcome = await run(verificationPage.action, broken, world.params);
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.data).file).toEqual(["verification.upload.malformed"]);
    expect(storedFiles().length).toBe(files);
    expect(storedFiles().some((f) => f.endsWith(".part"))).toBe(false);
  });

  test("a renamed executable, a file of another type and an oversize file are refused with a message, and nothing else is lost", async () => {
    const world = await ratedEnterprise();
    await upload(world, world.owner.cookie, { name: "kept.pdf", bytes: SAMPLE_FILES.pdf });
    await run(
      verificationPage.action,
      formRequest(world.pagePath, { intent: "link", questionId: "gt_registered", url: "https://example.org/kept" }, world.owner.cookie),
      world.params,
    );
    const files = storedFiles().length;

    const renamed = await upload(world, world.owner.cookie, {
      name: "annual-report.pdf",
      bytes: SAMPLE_FILES.exe,
      type: "application/pdf",
    });
    expect(renamed.status).toBe(415);
    expect(renamed.data).toMatchObject({
      form: "upload",
      result: { error: { file: ["verification.upload.bad_type"] }, initialValue: { questionId: "gt_registered" } },
    });

    const html = await upload(world, world.owner.cookie, { name: "photo.png", bytes: SAMPLE_FILES.html, type: "image/png" });
    expect(html.status).toBe(415);

    const oversize = await upload(world, world.owner.cookie, {
      name: "big.pdf",
      bytes: Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(MAX_BYTES, 0x20)]),
    });
    expect(oversize.status).toBe(413);
    expect(errorsOf(oversize.data).file).toEqual(["verification.upload.too_large"]);

    const empty = await upload(world, world.owner.cookie, { name: "empty.pdf", bytes: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    const none = await upload(world, world.owner.cookie, null);
    expect(none.status).toBe(400);
    expect(errorsOf(none.data).file).toEqual(["verification.upload.missing"]);
    const badQuestion = await upload(world, world.owner.cookie, { name: "x.pdf", bytes: SAMPLE_FILES.pdf }, "no_such_question");
    expect(badQuestion.status).toBe(400);
    expect(errorsOf(badQuestion.data).questionId).toContain("verification.errors.question");

    expect(storedFiles().length).toBe(files);
    expect(storedFiles().some((f) => f.endsWith(".part"))).toBe(false);
    const items = await prisma.evidenceItem.findMany({
      where: { assessmentId: world.assessment.id },
      select: { fileName: true, url: true },
    });
    expect(items).toHaveLength(2);
  });

  test("the upload address the page's script sends files to answers the same checks in JSON, and where to go next with the same notice", async () => {
    const world = await ratedEnterprise();
    const uploadPath = `${world.pagePath}/upload`;
    const send = (cookie: string, file: { name: string; bytes: Buffer; type?: string } | null, questionId = "gt_registered") =>
      run(verificationUpload.action, uploadRequest(uploadPath, { questionId }, file, cookie), world.params);
    const answer = async (cookie: string, file: { name: string; bytes: Buffer; type?: string }) => {
      const response = (await verificationUpload.action({
        request: uploadRequest(uploadPath, { questionId: "gt_registered" }, file, cookie),
        params: world.params,
        context: {},
      } as Parameters<typeof verificationUpload.action>[0])) as Response;
      return { status: response.status, type: response.headers.get("Content-Type"), body: (await response.json()) as unknown };
    };

    const added = await send(world.member.cookie, { name: "charter.pdf", bytes: SAMPLE_FILES.pdf });
    expect(added.status).toBe(200);
    expect(added.notice).toEqual({ message: "verification.notice.added_file" });
    expect(await answer(world.member.cookie, { name: "charter2.pdf", bytes: SAMPLE_FILES.pdf })).toEqual({
      status: 200,
      type: "application/json",
      body: { redirectTo: world.pagePath },
    });
    expect(await prisma.evidenceItem.count({ where: { assessmentId: world.assessment.id } })).toBe(2);

    const files = storedFiles().length;
    const refused = await answer(world.owner.cookie, { name: "annual-report.pdf", bytes: SAMPLE_FILES.exe, type: "application/pdf" });
    const pageRefusal = await upload(world, world.owner.cookie, {
      name: "annual-report.pdf",
      bytes: SAMPLE_FILES.exe,
      type: "application/pdf",
    });
    expect(refused).toEqual({ status: 415, type: "application/json", body: JSON.parse(JSON.stringify(pageRefusal.data)) });
    expect(refused.body).toMatchObject({ form: "upload", result: { error: { file: ["verification.upload.bad_type"] } } });
    const oversize = await send(world.owner.cookie, {
      name: "big.pdf",
      bytes: Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(MAX_BYTES, 0x20)]),
    });
    expect(oversize.status).toBe(413);
    expect(oversize.notice).toBeNull();
    expect((await send(world.owner.cookie, { name: "x.pdf", bytes: SAMPLE_FILES.pdf }, "no_such_question")).status).toBe(400);
    expect(storedFiles().length).toBe(files);

    const outsider = await createTestUser({ roles: ["funder"] });
    expect((await send(outsider.cookie, { name: "a.pdf", bytes: SAMPLE_FILES.pdf })).status).toBe(403);
    const signedOut = await send("", { name: "a.pdf", bytes: SAMPLE_FILES.pdf });
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toMatch(/^\/login/);
    expect(await prisma.evidenceItem.count({ where: { assessmentId: world.assessment.id } })).toBe(2);
  });

  test("people outside the enterprise cannot add evidence; bad links and messages are refused with a message", async () => {
    const world = await ratedEnterprise();
    const outsider = await createTestUser({ roles: ["funder"] });
    expect((await upload(world, outsider.cookie, { name: "a.pdf", bytes: SAMPLE_FILES.pdf })).status).toBe(403);
    const verifier = await verifierUser();
    expect((await upload(world, verifier.cookie, { name: "a.pdf", bytes: SAMPLE_FILES.pdf })).status).toBe(403);
    const badLink = await run(
      verificationPage.action,
      formRequest(world.pagePath, { intent: "link", questionId: "gt_registered", url: "javascript:alert(1)" }, world.owner.cookie),
      world.params,
    );
    expect(badLink.status).toBe(400);
    expect(badLink.data).toMatchObject({
      form: "link",
      result: { error: { url: ["verification.errors.badLink"] }, initialValue: { url: "javascript:alert(1)" } },
    });
    const noQuestion = await run(
      verificationPage.action,
      formRequest(world.pagePath, { intent: "link", questionId: "zz_nothing", url: "https://example.org" }, world.owner.cookie),
      world.params,
    );
    expect(noQuestion.status).toBe(400);
    expect(errorsOf(noQuestion.data).questionId).toEqual(["verification.errors.question"]);
    const emptyMessage = await run(
      verificationPage.action,
      formRequest(world.pagePath, { intent: "message", body: "   " }, world.owner.cookie),
      world.params,
    );
    expect(emptyMessage.status).toBe(400);
    expect(errorsOf(emptyMessage.data).body).toEqual(["errors.required"]);
    const unknown = await run(
      verificationPage.action,
      formRequest(world.pagePath, { intent: "explode" }, world.owner.cookie),
      world.params,
    );
    expect(unknown.status).toBe(400);
    expect(await prisma.evidenceItem.count({ where: { assessmentId: world.assessment.id } })).toBe(0);
  });
});

describe("evidence downloads", () => {
  test("only the enterprise's members, its assigned verifier and admins can fetch a file, as an attachment of the detected type", async () => {
    const world = await taken();
    await upload(world, world.member.cookie, { name: "отчёт 2025.pdf", bytes: SAMPLE_FILES.pdf, type: "text/html" });
    const item = await prisma.evidenceItem.findFirstOrThrow({ where: { assessmentId: world.assessment.id }, select: { id: true } });
    const admin = await createTestUser({ roles: ["admin"] });
    const otherVerifier = await verifierUser("Other Audit");
    const funder = await createTestUser({ roles: ["funder"] });
    const ministry = await createTestUser({ roles: ["ministry"] });
    const moderator = await createTestUser({ roles: ["moderator"] });
    const otherEntrepreneur = await createTestUser();
    const fetchAs = (cookie?: string) => run(evidenceDownload.loader, getRequest(`/evidence/${item.id}`, cookie), { id: item.id });

    for (const allowed of [world.owner, world.member, world.verifier, admin]) {
      const response = (await evidenceDownload.loader({
        request: getRequest(`/evidence/${item.id}`, allowed.cookie),
        params: { id: item.id },
        context: {},
      })) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="/);
      expect(response.headers.get("Content-Disposition")).toContain(encodeURIComponent("отчёт 2025.pdf"));
      expect(Buffer.from(await response.arrayBuffer()).equals(SAMPLE_FILES.pdf)).toBe(true);
    }
    for (const denied of [otherVerifier, funder, ministry, moderator, otherEntrepreneur]) {
      expect((await fetchAs(denied.cookie)).status).toBe(404);
    }
    const anonymous = await fetchAs();
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect(
      (
        await fetchAs(world.owner.cookie).then(() =>
          run(evidenceDownload.loader, getRequest("/evidence/nope", world.owner.cookie), { id: "nope" }),
        )
      ).status,
    ).toBe(404);
    expect((await run(evidenceDownload.loader, getRequest("/evidence/x", world.owner.cookie), { id: "../../etc/passwd" })).status).toBe(
      404,
    );
  });
});

describe("the verifier's queue and review", () => {
  test("lists requests oldest first, filters by country, and lets one verifier at a time take an assessment", async () => {
    const first = await requested();
    const second = await requested();
    const kyrgyz = await ratedEnterprise({ country: "KG" });
    await run(verificationPage.action, formRequest(kyrgyz.pagePath, { intent: "request" }, kyrgyz.owner.cookie), kyrgyz.params);
    await prisma.verification.update({ where: { id: first.verificationId }, data: { requestedAt: new Date(Date.now() - 5 * 86_400_000) } });
    const verifier = await verifierUser();
    const list = await run(queue.loader, getRequest("/verification", verifier.cookie));
    const waiting = (list.data as { queue: { waiting: { id: string; assessment: { enterprise: { country: string } } }[] } }).queue.waiting;
    const ids = waiting.map((w) => w.id);
    expect(ids.indexOf(first.verificationId)).toBeLessThan(ids.indexOf(second.verificationId));
    const kgOnly = await run(queue.loader, getRequest("/verification?country=KG", verifier.cookie));
    const kgWaiting = (kgOnly.data as typeof list.data & { queue: { waiting: { assessment: { enterprise: { country: string } } }[] } })
      .queue.waiting;
    expect(kgWaiting.length).toBeGreaterThan(0);
    expect(kgWaiting.every((w) => w.assessment.enterprise.country === "KG")).toBe(true);

    const taking = await run(
      queue.action,
      formRequest("/verification", { intent: "take", verificationId: first.verificationId }, verifier.cookie),
    );
    expect(taking).toMatchObject({
      location: `/verification/${first.verificationId}`,
      notice: { message: "verification.reviewNotice.taken" },
    });
    const rival = await verifierUser("Rival Audit");
    const late = await run(
      queue.action,
      formRequest("/verification", { intent: "take", verificationId: first.verificationId }, rival.cookie),
    );
    expect(late.status).toBe(409);
    expect(late.data).toEqual({ error: "verification.errors.taken" });
    expect(
      (await prisma.verification.findUniqueOrThrow({ where: { id: first.verificationId }, select: { verifierId: true } })).verifierId,
    ).toBe(verifier.id);
    expect(
      (await run(review.loader, getRequest(`/verification/${first.verificationId}`, rival.cookie), { id: first.verificationId })).status,
    ).toBe(403);
    expect((await run(queue.loader, getRequest("/verification", (await createTestUser({ roles: ["funder"] })).cookie))).status).toBe(403);
  });

  test("a verifier who is a member of the enterprise, or who has no organisation, cannot take it", async () => {
    const world = await requested();
    const insider = await verifierUser();
    await prisma.enterpriseMember.create({ data: { enterpriseId: world.enterprise.id, userId: insider.id, role: "member" } });
    const conflict = await run(
      queue.action,
      formRequest("/verification", { intent: "take", verificationId: world.verificationId }, insider.cookie),
    );
    expect(conflict.status).toBe(403);
    expect(conflict.data).toEqual({ error: "verification.errors.member_conflict" });
    const anonymousOrg = await verifierUser(null);
    const noOrg = await run(
      queue.action,
      formRequest("/verification", { intent: "take", verificationId: world.verificationId }, anonymousOrg.cookie),
    );
    expect(noOrg.data).toEqual({ error: "verification.errors.no_organisation" });
    expect((await prisma.verification.findUniqueOrThrow({ where: { id: world.verificationId }, select: { status: true } })).status).toBe(
      "requested",
    );
  });

  test("refuses a changed answer the methodology does not accept, or without a reason, keeping what was typed", async () => {
    const world = await taken();
    const change = (fields: Record<string, string | string[]>) =>
      run(review.action, formRequest(world.reviewPath, { intent: "change", ...fields }, world.verifier.cookie), world.reviewParams);
    const unknownOption = await change({ questionId: "gt_registered", "q.gt_registered": "maybe", reason: "Checked the registry" });
    expect(unknownOption.status).toBe(400);
    expect(unknownOption.data).toMatchObject({
      form: "change-gt_registered",
      result: { error: { answer: ["assessment.errors.unknown_option"] }, initialValue: { reason: "Checked the registry" } },
    });
    const noReason = await change({ questionId: "gt_registered", "q.gt_registered": "no", reason: "" });
    expect(noReason.status).toBe(400);
    expect(errorsOf(noReason.data).reason).toEqual(["verification.errors.reasonRequired"]);
    const same = await change({ questionId: "gt_registered", "q.gt_registered": bestAnswers.gt_registered as string, reason: "Same" });
    // Both messages at once: the answer's and the reason's.
    expect(errorsOf(same.data)).toMatchObject({ answer: ["verification.errors.same_answer"] });
    const sameWithoutReason = await change({
      questionId: "gt_registered",
      "q.gt_registered": bestAnswers.gt_registered as string,
      reason: "",
    });
    expect(errorsOf(sameWithoutReason.data)).toMatchObject({
      answer: ["verification.errors.same_answer"],
      reason: ["verification.errors.reasonRequired"],
    });
    const numberQuestion = m.questions.find((q) => q.type === "percent")!;
    const outOfRange = await change({
      questionId: numberQuestion.id,
      [`q.${numberQuestion.id}`]: "140",
      reason: "Payroll shows otherwise",
    });
    expect(errorsOf(outOfRange.data).answer).toEqual(["assessment.errors.out_of_range"]);
    // A part of the beneficiaries cannot be more than their total, whichever of the two is changed.
    const total = bestAnswers.si_beneficiaries as number;
    const morePart = await change({
      questionId: "si_beneficiaries_women",
      "q.si_beneficiaries_women": String(total + 1),
      reason: "The register lists more",
    });
    expect(morePart.status).toBe(400);
    expect(errorsOf(morePart.data).answer).toEqual(["assessment.errors.exceeds_total"]);
    const lessTotal = await change({
      questionId: "si_beneficiaries",
      "q.si_beneficiaries": String((bestAnswers.si_beneficiaries_vulnerable as number) - 1),
      reason: "Fewer people",
    });
    expect(errorsOf(lessTotal.data).answer).toEqual(["assessment.errors.exceeds_total"]);
    const notAQuestion = await change({ questionId: "nope", reason: "x" });
    expect(notAQuestion.status).toBe(400);
    const stored = await prisma.verification.findUniqueOrThrow({ where: { id: world.verificationId }, select: { decisions: true } });
    expect(stored.decisions).toEqual({});
    const owner = await run(
      review.action,
      formRequest(world.reviewPath, { intent: "accept", questionId: "gt_registered" }, world.owner.cookie),
      world.reviewParams,
    );
    expect(owner.status).toBe(403);
  });

  test("completing re-scores the verified answers with the same methodology, stores the result beside the self-assessed one and logs every step", async () => {
    const world = await taken();
    const act = (fields: Record<string, string | string[]>) =>
      run(review.action, formRequest(world.reviewPath, fields, world.verifier.cookie), world.reviewParams);
    expect(
      (
        await act({
          intent: "change",
          questionId: "gt_registered",
          "q.gt_registered": "no",
          reason: "Not in the state registry as of March.",
        })
      ).status,
    ).toBe(302);
    expect((await act({ intent: "accept", questionId: "si_mission_in_statutes" })).status).toBe(302);
    const early = await act({ intent: "complete" });
    expect(early.status).toBe(409);
    expect(errorsOf(early.data)[""]).toEqual(["verification.errors.undecided"]);
    // The page lists the questions still to decide, and not those decided.
    const undecided = (early.data as { missing: string[] }).missing;
    expect(undecided.length).toBeGreaterThan(0);
    expect(undecided).not.toContain("gt_registered");
    expect(undecided).not.toContain("si_mission_in_statutes");
    const unconfirmed = await act({ intent: "accept-rest" });
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed.data).confirm).toEqual(["verification.errors.confirmRest"]);
    expect((await act({ intent: "accept-rest", confirm: "yes" })).status).toBe(302);
    expect((await act({ intent: "message", body: "Please send the registration certificate." })).status).toBe(302);
    const done = await act({ intent: "complete" });
    expect(done).toMatchObject({ location: world.reviewPath, notice: { message: "verification.reviewNotice.completed" } });

    const expected = scoreAssessment(m, { ...bestAnswers, gt_registered: "no" } as Answers);
    const stored = await prisma.verification.findUniqueOrThrow({
      where: { id: world.verificationId },
      select: { result: true, overall: true, status: true, organisation: true, completedAt: true },
    });
    expect(stored.status).toBe("completed");
    expect(stored.result).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(stored.overall).toBe(expected.overall);
    expect(stored.organisation).toBe("Steppe Audit LLP");
    const self = await prisma.assessment.findUniqueOrThrow({
      where: { id: world.assessment.id },
      select: { overall: true, answers: true },
    });
    expect(self.overall).toBe(world.result.overall);
    expect((self.answers as Answers).gt_registered).toBe(bestAnswers.gt_registered);
    expect(expected.overall).toBeLessThan(world.result.overall);

    // The enterprise sees the verified scores, the difference per dimension, the reason and the log.
    const page = await run(verificationPage.loader, getRequest(world.pagePath, world.owner.cookie), world.params);
    const data = page.data as {
      difference: { overall: { self: number; verified: number }; dimensions: { id: string; self: number; verified: number }[] };
      verification: { changes: { questionId: string; reason: string }[] };
      log: { action: string; actor: { displayName: string } | null; detail: Record<string, unknown> }[];
      messages: { body: string }[];
    };
    expect(data.difference.overall).toEqual({ self: world.result.overall, verified: expected.overall });
    const governance = data.difference.dimensions.find((d) => d.id === "governance_transparency")!;
    expect(governance.verified).toBeLessThan(governance.self);
    expect(data.verification.changes).toEqual([
      expect.objectContaining({ questionId: "gt_registered", reason: "Not in the state registry as of March." }),
    ]);
    expect(data.log.map((e) => e.action)).toEqual([
      "requested",
      "taken",
      "answer_changed",
      "answer_accepted",
      "answers_accepted",
      "message",
      "completed",
    ]);
    expect(data.log.find((e) => e.action === "answer_changed")!.detail).toMatchObject({
      questionId: "gt_registered",
      from: '"yes"',
      to: '"no"',
    });
    expect(data.messages.map((x) => x.body)).toEqual(["Please send the registration certificate."]);
    // Nobody outside sees the log.
    const outsider = await createTestUser();
    expect((await run(verificationPage.loader, getRequest(world.pagePath, outsider.cookie), world.params)).status).toBe(403);

    // The review is closed: no more changes, and no more evidence.
    expect((await act({ intent: "accept", questionId: "gt_registered" })).status).toBe(403);
    const afterwards = await upload(world, world.owner.cookie, { name: "late.pdf", bytes: SAMPLE_FILES.pdf });
    expect(afterwards.status).toBe(409);
  });
});

describe("handing a review back", () => {
  const handBack = (
    world: { reviewPath: string; reviewParams: Record<string, string> },
    cookie: string,
    fields: Record<string, string> = { confirm: "yes" },
  ) => run(review.action, formRequest(world.reviewPath, { intent: "release", ...fields }, cookie), world.reviewParams);
  const stored = (id: string) =>
    prisma.verification.findUniqueOrThrow({ where: { id }, select: { status: true, verifierId: true, takenAt: true, decisions: true } });
  const lastEvent = (assessmentId: string) =>
    prisma.verificationEvent.findFirstOrThrow({
      where: { assessmentId },
      select: { action: true, actorId: true, detail: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });

  test("the assigned verifier hands it back: it returns to the queue for others, the decisions are discarded, evidence and messages are kept, and the log says so", async () => {
    const world = await taken();
    await upload(world, world.member.cookie, { name: "registration.pdf", bytes: SAMPLE_FILES.pdf });
    const act = (fields: Record<string, string>) =>
      run(review.action, formRequest(world.reviewPath, fields, world.verifier.cookie), world.reviewParams);
    expect((await act({ intent: "accept", questionId: "si_mission_in_statutes" })).status).toBe(302);
    expect((await act({ intent: "message", body: "I have to stop: another verifier will continue." })).status).toBe(302);
    const page = await run(review.loader, getRequest(world.reviewPath, world.verifier.cookie), world.reviewParams);
    expect(page.data).toMatchObject({ canRelease: true });

    const unconfirmed = await handBack(world, world.verifier.cookie, {});
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed.data).confirm).toEqual(["verification.errors.confirmRelease"]);
    expect((await stored(world.verificationId)).status).toBe("in_review");

    const released = await handBack(world, world.verifier.cookie);
    expect(released.status).toBe(302);
    expect(released).toMatchObject({ location: "/verification", notice: { message: "verification.handedBack" } });
    expect(await stored(world.verificationId)).toEqual({ status: "requested", verifierId: null, takenAt: null, decisions: {} });
    expect(await prisma.evidenceItem.count({ where: { assessmentId: world.assessment.id } })).toBe(1);
    expect(
      (await prisma.verificationMessage.findMany({ where: { assessmentId: world.assessment.id }, select: { body: true } })).map(
        (m) => m.body,
      ),
    ).toEqual(["I have to stop: another verifier will continue."]);
    const verifierName = (await prisma.user.findUniqueOrThrow({ where: { id: world.verifier.id }, select: { displayName: true } }))
      .displayName;
    expect(await lastEvent(world.assessment.id)).toEqual({
      action: "released",
      actorId: world.verifier.id,
      detail: { verifier: verifierName, decisions: 1 },
    });
    const enterpriseLog = (await run(verificationPage.loader, getRequest(world.pagePath, world.owner.cookie), world.params)).data as {
      log: { action: string }[];
    };
    expect(enterpriseLog.log.map((e) => e.action)).toEqual(["requested", "taken", "file_added", "answer_accepted", "message", "released"]);

    // The former verifier no longer has it; another verifier finds it waiting and takes it.
    expect((await run(review.loader, getRequest(world.reviewPath, world.verifier.cookie), world.reviewParams)).status).toBe(403);
    expect((await handBack(world, world.verifier.cookie)).status).toBe(403);
    const next = await verifierUser("Pamir Review");
    const list = (await run(queue.loader, getRequest("/verification", next.cookie))).data as { queue: { waiting: { id: string }[] } };
    expect(list.queue.waiting.map((w) => w.id)).toContain(world.verificationId);
    expect(
      (await run(queue.action, formRequest("/verification", { intent: "take", verificationId: world.verificationId }, next.cookie))).status,
    ).toBe(302);
    expect(await stored(world.verificationId)).toMatchObject({ status: "in_review", verifierId: next.id, decisions: {} });
  });

  test("only the assigned verifier or an admin may hand it back, and a completed review cannot be handed back", async () => {
    const world = await taken();
    const otherVerifier = await verifierUser("Other Audit");
    const admin = await createTestUser({ roles: ["admin"] });
    for (const someone of [otherVerifier, world.owner, world.member, await createTestUser({ roles: ["funder"] })]) {
      expect((await handBack(world, someone.cookie)).status).toBe(403);
    }
    expect((await stored(world.verificationId)).verifierId).toBe(world.verifier.id);
    expect((await run(review.loader, getRequest(world.reviewPath, admin.cookie), world.reviewParams)).data).toMatchObject({
      canEdit: false,
      canRelease: true,
    });
    expect(
      (
        await run(
          review.action,
          formRequest(world.reviewPath, { intent: "accept", questionId: "gt_registered" }, admin.cookie),
          world.reviewParams,
        )
      ).status,
    ).toBe(403);

    const byAdmin = await handBack(world, admin.cookie);
    expect(byAdmin).toMatchObject({ location: "/verification", notice: { message: "verification.handedBack" } });
    expect(await stored(world.verificationId)).toMatchObject({ status: "requested", verifierId: null });
    const verifierName = (await prisma.user.findUniqueOrThrow({ where: { id: world.verifier.id }, select: { displayName: true } }))
      .displayName;
    expect(await lastEvent(world.assessment.id)).toEqual({
      action: "released",
      actorId: admin.id,
      detail: { verifier: verifierName, decisions: 0 },
    });
    const again = await handBack(world, admin.cookie);
    expect(again.status).toBe(409);
    expect(errorsOf(again.data)[""]).toEqual(["verification.errors.not_in_review"]);

    const done = await completed();
    expect((await run(review.loader, getRequest(done.reviewPath, done.verifier.cookie), done.reviewParams)).data).toMatchObject({
      canRelease: false,
    });
    for (const who of [done.verifier, admin]) {
      const refused = await handBack(done, who.cookie);
      expect(refused.status).toBe(409);
      expect(errorsOf(refused.data)[""]).toEqual(["verification.errors.completed_no_release"]);
    }
    expect((await stored(done.verificationId)).status).toBe("completed");
    expect(
      (await run(review.action, formRequest("/verification/nope", { intent: "release", confirm: "yes" }, admin.cookie), { id: "../nope" }))
        .status,
    ).toBe(404);
  });
});

describe("completed reviews", () => {
  type QueueData = {
    isAdmin: boolean;
    completed: {
      reviews: { id: string; completedAt: string | Date; assessment: { enterprise: { name: string } } }[];
      page: number;
      pages: number;
      total: number;
    };
  };
  const completedList = async (cookie: string, query = "") =>
    ((await run(queue.loader, getRequest(`/verification${query}`, cookie))).data as QueueData).completed;

  test("a verifier sees the reviews they completed, newest first, each linking to its review; an admin sees everyone's", async () => {
    const first = await completed();
    const second = await requested();
    expect(
      (
        await run(
          queue.action,
          formRequest("/verification", { intent: "take", verificationId: second.verificationId }, first.verifier.cookie),
        )
      ).status,
    ).toBe(302);
    await completed({
      ...second,
      verifier: first.verifier,
      reviewPath: `/verification/${second.verificationId}`,
      reviewParams: { id: second.verificationId },
    });
    const someoneElses = await completed();
    const inReview = await taken();
    await prisma.verification.update({ where: { id: first.verificationId }, data: { completedAt: new Date(Date.now() - 3 * 86_400_000) } });

    const mine = await completedList(first.verifier.cookie);
    expect(mine.reviews.map((r) => r.id)).toEqual([second.verificationId, first.verificationId]);
    expect(mine).toMatchObject({ total: 2, page: 1, pages: 1 });
    // Every listed review opens for its verifier, read-only.
    const opened = await run(review.loader, getRequest(`/verification/${first.verificationId}`, first.verifier.cookie), {
      id: first.verificationId,
    });
    expect(opened.status).toBe(200);
    expect(opened.data).toMatchObject({ status: "completed", canEdit: false, canRelease: false });
    expect((await completedList(inReview.verifier.cookie)).reviews).toEqual([]);
    // Past the last page shows the last page; a page that is not a number shows the first.
    expect((await completedList(first.verifier.cookie, "?completedPage=999")).reviews).toHaveLength(2);
    expect((await completedList(first.verifier.cookie, "?completedPage=abc")).page).toBe(1);
    expect((await completedList(first.verifier.cookie, "?country=KG")).reviews).toEqual([]);

    const admin = await createTestUser({ roles: ["admin"] });
    const all = await completedList(admin.cookie);
    const ids = all.reviews.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([second.verificationId, someoneElses.verificationId]));
    expect(ids).not.toContain(inReview.verificationId);
    const dates = all.reviews.map((r) => new Date(r.completedAt).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe("trust labels", () => {
  async function api(pathWithQuery: string) {
    const url = new URL(`http://localhost${pathWithQuery}`);
    const slug = url.pathname.split("/")[4];
    const loader =
      url.pathname === "/api/v1/enterprises" ? apiList.loader : url.pathname.endsWith("openapi.json") ? openapi.loader : apiOne.loader;
    const response = (await loader({
      request: getRequest(pathWithQuery),
      params: slug ? { slug } : {},
      context: { clientAddress: "198.51.100.9" },
    })) as Response;
    return (await response.json()) as any;
  }

  async function directory(query: string) {
    const outcome = await run(ratings.loader, getRequest(`/ratings?${query}`));
    return (outcome.data as { items: { slug: string; trust: string; verifiedBy: string | null; overall: number }[] }).items;
  }

  test("a completed verification makes the public rating verified, with its date and organisation, everywhere; older than 24 months it is expired", async () => {
    const world = await completed();
    const stored = await prisma.verification.findUniqueOrThrow({ where: { id: world.verificationId }, select: { overall: true } });
    const selfAssessed = await ratedEnterprise();

    // Enterprise page
    const pageData = (
      await run(enterprisePage.loader, getRequest(`/enterprises/${world.enterprise.slug}`), { slug: world.enterprise.slug })
    ).data as any;
    expect(pageData.rating.trust).toMatchObject({ label: "verified", organisation: "Bishkek Social Audit" });
    expect(pageData.rating.result.overall).toBe(stored.overall);

    // Directory, with filters
    // Searched by the two enterprises' own names, so the page of results holds them whatever else other tests rated.
    const byWorld = `q=${encodeURIComponent(world.enterprise.name)}`;
    const bySelf = `q=${encodeURIComponent(selfAssessed.enterprise.name)}`;
    const verified = await directory(`trust=verified&${byWorld}`);
    expect(verified.map((i) => i.slug)).toContain(world.enterprise.slug);
    expect((await directory(`trust=verified&${bySelf}`)).map((i) => i.slug)).not.toContain(selfAssessed.enterprise.slug);
    expect(verified.find((i) => i.slug === world.enterprise.slug)).toMatchObject({
      trust: "verified",
      verifiedBy: "Bishkek Social Audit",
      overall: stored.overall,
    });
    expect((await directory(`trust=self_assessed&${bySelf}`)).map((i) => i.slug)).toContain(selfAssessed.enterprise.slug);
    expect((await directory(`trust=self_assessed&${byWorld}`)).map((i) => i.slug)).not.toContain(world.enterprise.slug);

    // API, checked against the OpenAPI document
    const doc = await api("/api/v1/openapi.json");
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: "ortaq", components: doc.components });
    const check = (schema: string, value: unknown) => {
      const validate = ajv.getSchema(`ortaq#/components/schemas/${schema}`)!;
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };
    const listed = await api("/api/v1/enterprises?trust=verified&limit=100");
    check("EnterprisePage", listed);
    expect(listed.items.every((i: { trust: string }) => i.trust === "verified")).toBe(true);
    expect(listed.items.find((i: { slug: string }) => i.slug === world.enterprise.slug)).toMatchObject({
      verifiedBy: "Bishkek Social Audit",
    });
    const one = await api(`/api/v1/enterprises/${world.enterprise.slug}`);
    check("Enterprise", one);
    expect(one.ratings[0]).toMatchObject({ trust: "verified", verifiedBy: "Bishkek Social Audit", overall: stored.overall });

    // Exports
    const csv = await (
      (await ratingsExport.loader({
        request: getRequest(`/ratings/export?trust=verified&${byWorld}`),
        params: {},
        context: {},
      })) as Response
    ).text();
    expect(csv).toContain("Bishkek Social Audit");
    expect(csv.split("\n").find((line) => line.includes(world.enterprise.slug))).toContain("Verified");

    // Expired: the same row, verified 25 months ago, read again
    await prisma.verification.update({
      where: { id: world.verificationId },
      data: { completedAt: new Date(Date.now() - 25 * 31 * 86_400_000) },
    });
    await refreshRatingFacts(world.enterprise.id);
    expect((await directory(`trust=verified&${byWorld}`)).map((i) => i.slug)).not.toContain(world.enterprise.slug);
    expect((await directory(`trust=expired&${byWorld}`)).find((i) => i.slug === world.enterprise.slug)).toMatchObject({ trust: "expired" });
    const expiredOne = await api(`/api/v1/enterprises/${world.enterprise.slug}`);
    check("Enterprise", expiredOne);
    expect(expiredOne.ratings[0].trust).toBe("expired");
    const expiredList = await api("/api/v1/enterprises?trust=expired&limit=100");
    check("EnterprisePage", expiredList);
    expect(expiredList.items.map((i: { slug: string }) => i.slug)).toContain(world.enterprise.slug);
    const expiredPage = (
      await run(enterprisePage.loader, getRequest(`/enterprises/${world.enterprise.slug}`), { slug: world.enterprise.slug })
    ).data as any;
    expect(expiredPage.rating.trust.label).toBe("expired");
  });

  test("sector summaries count and filter by trust label, and export them", async () => {
    // Self-assessed ratings beside the verified ones, so the verified group never differs from all ratings by only a few
    // (which the small-group rule would withhold), whatever the other tests left in the database.
    for (let i = 0; i < MIN_GROUP; i++) await ratedEnterprise();
    const before = {
      verified: (await computeSectorSummary({ trust: "verified" })).rated,
      expired: (await computeSectorSummary({ trust: "expired" })).rated,
    };
    const worlds = [];
    for (let i = 0; i < 5; i++) worlds.push(await completed());
    const verified = await computeSectorSummary({ trust: "verified" });
    expect(verified.rated).toBe(before.verified + 5);
    const facts = await prisma.ratingFact.findMany({
      where: { isCurrent: true, verifiedAt: { not: null, gt: new Date(Date.now() - 700 * 86_400_000) } },
      select: { overall: true },
    });
    expect(verified.overall!.mean).toBeCloseTo(facts.reduce((sum, f) => sum + f.overall, 0) / facts.length, 1);
    const all = await computeSectorSummary({});
    expect(all.trust.find((x) => x.label === "verified")!.count).toBe(before.verified + 5);
    expect(all.trust.reduce((sum, x) => sum + x.count, 0)).toBe(all.rated);
    await prisma.verification.update({
      where: { id: worlds[0]!.verificationId },
      data: { completedAt: new Date(Date.now() - 800 * 86_400_000) },
    });
    await refreshRatingFacts(worlds[0]!.enterprise.id);
    expect((await computeSectorSummary({ trust: "expired" })).rated).toBe(before.expired + 1);
    expect((await computeSectorSummary({ trust: "verified" })).rated).toBe(before.verified + 4);
    const csv = await (
      (await sectorExport.loader({ request: getRequest("/sector/export/trust"), params: { table: "trust" }, context: {} })) as Response
    ).text();
    expect(csv).toContain("Verified");
    expect(csv).toContain("Expired");
  });
});
