// The learning library: resources tied to the methodology's dimensions and questions, each in one or
// more languages (a guide and its translations are one resource), with attached files, and what each
// reader marked as useful or done.
import type { LearningFormat, LearningLevel, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { kept } from "~/utils/kept-data.server";
import { FALLBACK_LANGUAGE } from "~/utils/i18n";
import type { LearningFilters } from "~/utils/learning";
import { renderMarkdown } from "~/utils/markdown.server";
import { SLUG_PATTERN, slugify } from "~/utils/slug";

export const LEARNING_PAGE_SIZE = 30;

const VERSION_SELECT = { language: true, title: true, summary: true } as const;

/** What a resource is about, shared by the library's list, a resource's page and its editing form. */
const RESOURCE_FACTS_SELECT = {
  id: true,
  slug: true,
  format: true,
  level: true,
  country: true,
  dimensions: true,
  questionIds: true,
} as const;

/**
 * The version a reader gets: their own language, then English, then Russian, then whichever exists.
 * Versions come in a stable order so the last choice never changes between requests.
 */
export function pickVersion<V extends { language: string }>(versions: V[], language: string): V | undefined {
  for (const wanted of [language, FALLBACK_LANGUAGE, "ru"]) {
    const found = versions.find((v) => v.language === wanted);
    if (found) return found;
  }
  return versions[0];
}

function whereOf(filters: LearningFilters): Prisma.LearningResourceWhereInput {
  return {
    ...(filters.dimension ? { dimensions: { has: filters.dimension } } : {}),
    ...(filters.question ? { questionIds: { has: filters.question } } : {}),
    ...(filters.format ? { format: filters.format } : {}),
    // A resource for every country fits every country.
    ...(filters.country ? { OR: [{ country: filters.country }, { country: null }] } : {}),
    ...(filters.language ? { versions: { some: { language: filters.language } } } : {}),
  };
}

/**
 * The library filtered, newest first, each resource in the reader's language where it has one (or the
 * language filtered on); resources with a version in that language come before the others.
 */
export async function listResources({ filters, language, page = 1 }: { filters: LearningFilters; language: string; page?: number }) {
  const where = whereOf(filters);
  const shown = filters.language ?? language;
  const rows = await prisma.learningResource.findMany({
    where,
    select: {
      ...RESOURCE_FACTS_SELECT,
      createdAt: true,
      versions: { select: VERSION_SELECT, orderBy: { language: "asc" } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const items = rows
    .map(({ versions, ...resource }) => ({
      ...resource,
      languages: versions.map((v) => v.language),
      version: pickVersion(versions, shown)!,
    }))
    .filter((r) => r.version)
    .sort((a, b) => Number(b.version.language === shown) - Number(a.version.language === shown));
  return {
    total: items.length,
    items: items.slice((page - 1) * LEARNING_PAGE_SIZE, page * LEARNING_PAGE_SIZE),
  };
}

/** A resource with the version in `language` (or the reader's best), its body rendered, its files, and the reader's marks. */
export async function getResource({ slug, language, userId }: { slug: string; language: string; userId?: string | null }) {
  if (!SLUG_PATTERN.test(slug)) return null;
  // The same for every reader until it changes (decision 028): the resource, every version and its files.
  const resource = await kept("learning.resource", slug, () =>
    prisma.learningResource.findUnique({
      where: { slug },
      select: {
        ...RESOURCE_FACTS_SELECT,
        createdAt: true,
        updatedAt: true,
        author: { select: { displayName: true } },
        versions: { select: { ...VERSION_SELECT, body: true, updatedAt: true }, orderBy: { language: "asc" } },
        attachments: { select: { id: true, fileName: true, size: true, contentType: true }, orderBy: { createdAt: "asc" } },
      },
    }),
  );
  if (!resource) return null;
  const version = pickVersion(resource.versions, language);
  if (!version) return null;
  const progress = userId
    ? await prisma.learningProgress.findUnique({
        where: { userId_resourceId: { userId, resourceId: resource.id } },
        select: { useful: true, done: true },
      })
    : null;
  const { versions, ...rest } = resource;
  return {
    ...rest,
    languages: versions.map((v) => v.language),
    version: {
      language: version.language,
      title: version.title,
      summary: version.summary,
      updatedAt: version.updatedAt,
      // Rendered once for the same text (a long guide costs a third of a millisecond or more).
      html: await kept("learning.html", version.body, async () => renderMarkdown(version.body)),
    },
    progress: progress ?? { useful: false, done: false },
  };
}

/** A resource's facts and one version's raw text, for its editing form. */
export async function getResourceForEditing({ slug, language }: { slug: string; language: string }) {
  if (!SLUG_PATTERN.test(slug)) return null;
  const resource = await prisma.learningResource.findUnique({
    where: { slug },
    select: {
      ...RESOURCE_FACTS_SELECT,
      versions: { select: { language: true, title: true, summary: true, body: true }, orderBy: { language: "asc" } },
      attachments: { select: { id: true, fileName: true, size: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!resource) return null;
  const { versions, ...rest } = resource;
  return { ...rest, languages: versions.map((v) => v.language), version: versions.find((v) => v.language === language) ?? null };
}

export interface ResourceLink {
  slug: string;
  title: string;
  language: string;
  format: LearningFormat;
}

/**
 * For each question, the resources tied to it (at most `perQuestion`), in the reader's language first:
 * resources with a version in it come before those read in another language.
 */
export async function resourcesForQuestions({
  questionIds,
  language,
  perQuestion = 3,
}: {
  questionIds: string[];
  language: string;
  perQuestion?: number;
}): Promise<Record<string, ResourceLink[]>> {
  if (questionIds.length === 0) return {};
  const rows = await prisma.learningResource.findMany({
    where: { questionIds: { hasSome: questionIds } },
    select: {
      slug: true,
      format: true,
      questionIds: true,
      createdAt: true,
      versions: { select: { language: true, title: true }, orderBy: { language: "asc" } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const ranked = rows
    .map((r) => ({ ...r, version: pickVersion(r.versions, language)! }))
    .filter((r) => r.version)
    .sort((a, b) => Number(b.version.language === language) - Number(a.version.language === language));
  const byQuestion: Record<string, ResourceLink[]> = {};
  for (const id of questionIds) {
    byQuestion[id] = ranked
      .filter((r) => r.questionIds.includes(id))
      .slice(0, perQuestion)
      .map((r) => ({ slug: r.slug, title: r.version.title, language: r.version.language, format: r.format }));
  }
  return byQuestion;
}

async function freeSlug(title: string) {
  const base = slugify(title).slice(0, 60).replace(/-+$/, "") || "resource";
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await prisma.learningResource.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

export interface ResourceInput {
  language: string;
  title: string;
  summary: string;
  body: string;
  format: LearningFormat;
  level: LearningLevel;
  country?: string | null;
  dimensions: string[];
  questionIds: string[];
}

/** Questions imply their dimensions: a resource tied to a question is found under its dimension too. */
function topicsOf(input: Pick<ResourceInput, "dimensions" | "questionIds">, questionDimension: (id: string) => string | undefined) {
  const dimensions = new Set(input.dimensions);
  for (const id of input.questionIds) {
    const dimension = questionDimension(id);
    if (dimension) dimensions.add(dimension);
  }
  return { dimensions: [...dimensions], questionIds: [...new Set(input.questionIds)] };
}

export async function createResource({
  authorId,
  input,
  questionDimension,
  slug,
}: {
  authorId: string | null;
  input: ResourceInput;
  questionDimension: (id: string) => string | undefined;
  slug?: string;
}) {
  const topics = topicsOf(input, questionDimension);
  return prisma.learningResource.create({
    data: {
      slug: slug ?? (await freeSlug(input.title)),
      format: input.format,
      level: input.level,
      country: input.country ?? null,
      ...topics,
      authorId,
      versions: { create: { language: input.language, title: input.title, summary: input.summary, body: input.body } },
    },
    select: { id: true, slug: true },
  });
}

/** Saves a resource's facts and its version in `input.language` (a new translation, or a change to one). */
export async function saveResource({
  id,
  input,
  questionDimension,
}: {
  id: string;
  input: ResourceInput;
  questionDimension: (id: string) => string | undefined;
}) {
  const topics = topicsOf(input, questionDimension);
  const version = { title: input.title, summary: input.summary, body: input.body };
  await prisma.learningResource.update({
    where: { id },
    data: {
      format: input.format,
      level: input.level,
      country: input.country ?? null,
      ...topics,
      versions: {
        upsert: {
          where: { resourceId_language: { resourceId: id, language: input.language } },
          create: { language: input.language, ...version },
          update: version,
        },
      },
    },
    select: { id: true },
  });
}

/** Removes one language version; the last one cannot be removed (delete the resource instead). */
export async function deleteVersion({ id, language }: { id: string; language: string }) {
  const count = await prisma.learningResourceVersion.count({ where: { resourceId: id } });
  if (count <= 1) return false;
  const { count: deleted } = await prisma.learningResourceVersion.deleteMany({ where: { resourceId: id, language } });
  return deleted === 1;
}

export async function deleteResource(id: string) {
  const attachments = await prisma.learningAttachment.findMany({ where: { resourceId: id }, select: { storageName: true } });
  await prisma.learningResource.delete({ where: { id }, select: { id: true } });
  return attachments.map((a) => a.storageName);
}

export function addAttachment(data: {
  resourceId: string;
  fileName: string;
  storageName: string;
  contentType: string;
  size: number;
  uploadedById: string;
}) {
  return prisma.learningAttachment.create({ data, select: { id: true } });
}

/** Deletes an attachment of the resource; returns its stored name so the file can go too. */
export async function deleteAttachment({ resourceId, id }: { resourceId: string; id: string }) {
  const attachment = await prisma.learningAttachment.findFirst({ where: { id, resourceId }, select: { id: true, storageName: true } });
  if (!attachment) return null;
  await prisma.learningAttachment.delete({ where: { id: attachment.id }, select: { id: true } });
  return attachment.storageName;
}

export function getAttachment(id: string) {
  return prisma.learningAttachment.findUnique({ where: { id }, select: { storageName: true, fileName: true, contentType: true } });
}

/** Marks (or unmarks) a resource as useful or done for a reader. */
export async function setProgress({
  userId,
  slug,
  mark,
  value,
}: {
  userId: string;
  slug: string;
  mark: "useful" | "done";
  value: boolean;
}) {
  const resource = SLUG_PATTERN.test(slug) ? await prisma.learningResource.findUnique({ where: { slug }, select: { id: true } }) : null;
  if (!resource) return null;
  return prisma.learningProgress.upsert({
    where: { userId_resourceId: { userId, resourceId: resource.id } },
    create: { userId, resourceId: resource.id, [mark]: value },
    update: { [mark]: value },
    select: { useful: true, done: true },
  });
}

/** How many resources of a set a reader marked done (for an enterprise's plan). */
export async function progressOf({ userId, slugs }: { userId: string; slugs: string[] }) {
  if (slugs.length === 0) return {};
  const rows = await prisma.learningProgress.findMany({
    where: { userId, resource: { slug: { in: slugs } } },
    select: { useful: true, done: true, resource: { select: { slug: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.resource.slug, { useful: r.useful, done: r.done }]));
}

/** Whether a person is a member of some enterprise (the readers who mark resources). */
export async function isEnterpriseMember(userId: string) {
  return (await prisma.enterpriseMember.count({ where: { userId } })) > 0;
}
