// Demo consultations in the ministry's country category: one open, one closed with its summary.
import type { Tx } from "~/utils/db.server";
import { guessLanguage } from "~/utils/guess-language";

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface DemoConsultation {
  title: string;
  question: string;
  startedDaysAgo: number;
  closesInDays: number;
  closedDaysAgo?: number;
  summary?: string;
  replies: { by: string; body: string }[];
}

const CONSULTATIONS: DemoConsultation[] = [
  {
    title: "Public procurement for social enterprises: a reserved share?",
    question: `The Ministry is considering reserving a share of public procurement contracts for registered social enterprises.

- Which goods and services could social enterprises supply to the state today?
- What share would be realistic in the first year: 1%, 3% or 5%?
- What stops you from bidding now: guarantees, paperwork, payment delays?`,
    startedDaysAgo: 3,
    closesInDays: 30,
    replies: [
      {
        by: "entrepreneur@demo.ortaq.org",
        body: "Наш цех мог бы поставлять текстиль для школ. Главная проблема — банковская гарантия: для маленького предприятия она стоит слишком дорого.",
      },
    ],
  },
  {
    title: "Reporting for social enterprises: one simple annual form",
    question: `Social enterprises told us that reporting takes too much time. We propose a single annual form: number of employees from vulnerable groups, share of reinvested profit, and beneficiaries served.

What should the form contain, and what should it leave out?`,
    startedDaysAgo: 40,
    closesInDays: -10,
    closedDaysAgo: 10,
    summary: `Thirty-one organisations took part. What we heard:

1. One annual form is welcome; most asked that it replace, not add to, the current statistical reports.
2. Staff from vulnerable groups should be counted as a yearly average, so that small teams are not penalised by one departure.
3. Funders asked for the form to be public, so that it can serve as evidence in grant applications.

Next step: a draft form will be published for comment in the spring.`,
    replies: [
      {
        by: "entrepreneur@demo.ortaq.org",
        body: "Please count employees as a yearly average. With a team of four, one person leaving changes our share from 50% to 33% overnight.",
      },
      {
        by: "funder@demo.ortaq.org",
        body: "If the form were public, funders could use it directly instead of asking for the same figures again in every application.",
      },
      {
        by: "owner-kg@demo.ortaq.org",
        body: "Buy cheap followers and likes for your enterprise page!!! Best prices, write to us now.",
      },
    ],
  },
];

export async function seedForumConsultations(tx: Tx, { now = Date.now() }: { now?: number } = {}) {
  const ministry = await tx.user.findUnique({
    where: { email: "ministry@demo.ortaq.org" },
    select: { id: true, roles: { where: { role: "ministry" }, select: { country: true } } },
  });
  const country = ministry?.roles[0]?.country;
  if (!ministry || !country) return;
  const category = await tx.forumCategory.findFirst({ where: { kind: "country", country }, select: { id: true } });
  if (!category) return;
  const emails = [...new Set(CONSULTATIONS.flatMap((c) => c.replies.map((r) => r.by)))];
  const people = new Map(
    (await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  for (const demo of CONSULTATIONS) {
    const start = now - demo.startedDaysAgo * DAY;
    const replies = demo.replies.filter((r) => people.has(r.by));
    const posts = [{ authorId: ministry.id, body: demo.question }, ...replies.map((r) => ({ authorId: people.get(r.by)!, body: r.body }))];
    const closedAt = demo.closedDaysAgo === undefined ? null : new Date(now - demo.closedDaysAgo * DAY);
    const thread = await tx.forumThread.create({
      data: {
        categoryId: category.id,
        authorId: ministry.id,
        kind: "consultation",
        title: demo.title,
        language: guessLanguage(`${demo.title}\n\n${demo.question}`, "ru"),
        postCount: posts.length,
        lastPostAt: new Date(start + (posts.length - 1) * 5 * HOUR),
        createdAt: new Date(start),
        consultation: {
          create: {
            country,
            question: demo.question,
            closesAt: new Date(now + demo.closesInDays * DAY),
            closedAt,
            summary: demo.summary ?? null,
            summaryPublishedAt: demo.summary && closedAt ? new Date(closedAt.getTime() + 2 * DAY) : null,
            summaryAuthorId: demo.summary ? ministry.id : null,
            createdAt: new Date(start),
          },
        },
      },
      select: { id: true },
    });
    let lastId = "";
    for (const [index, post] of posts.entries()) {
      const created = await tx.forumPost.create({
        data: {
          threadId: thread.id,
          authorId: post.authorId,
          number: index + 1,
          body: post.body,
          language: guessLanguage(index === 0 ? `${demo.title}\n\n${post.body}` : post.body, "ru"),
          createdAt: new Date(start + index * 5 * HOUR),
        },
        select: { id: true },
      });
      lastId = created.id;
      await tx.forumThreadSubscription.upsert({
        where: { userId_threadId: { userId: post.authorId, threadId: thread.id } },
        create: { userId: post.authorId, threadId: thread.id },
        update: {},
        select: { userId: true },
      });
    }
    await tx.forumThread.update({ where: { id: thread.id }, data: { lastPostId: lastId }, select: { id: true } });
  }
}
