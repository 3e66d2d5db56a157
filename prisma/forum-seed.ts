// The forum's categories and demo discussions, in English and Russian.
import { ensureForumCategories } from "~/models/forum-category.server";
import { assignHandle } from "~/models/user.server";
import type { Tx } from "~/utils/db.server";

interface DemoReply {
  by: string;
  body: string;
  helpful?: string[];
  replyTo?: number;
}
interface DemoThread {
  category: string;
  by: string;
  title: string;
  tags: string[];
  body: string;
  daysAgo: number;
  enterprise?: number;
  helpful?: string[];
  replies: DemoReply[];
  consultation?: { country: string; question: string; closesInDays: number };
}

const E = "entrepreneur@demo.ortaq.org";
const F = "funder@demo.ortaq.org";
const M = "ministry@demo.ortaq.org";
const V = "verifier@demo.ortaq.org";
const MOD = "moderator@demo.ortaq.org";
const KG = "owner-kg@demo.ortaq.org";
const UZ = "owner-uz@demo.ortaq.org";

const DEMO_THREADS: DemoThread[] = [
  {
    category: "finance-and-funding",
    by: E,
    title: "Как мы получили первый займ без залога",
    tags: ["займы", "микрофинансы"],
    daysAgo: 12,
    enterprise: 0,
    body: `Делюсь опытом: в прошлом году наш цех получил займ **без залога** в местной микрофинансовой организации.

Что помогло:

1. Договоры с постоянными покупателями на полгода вперёд.
2. Отчёт о социальном воздействии — мы показали, сколько женщин получили работу.
3. Поручительство от районного фонда.

Кто ещё пробовал такой путь? Какие условия вам предлагали?`,
    helpful: [F, UZ],
    replies: [
      {
        by: F,
        body: `Thank you, this is useful. From the funder side: a signed offtake contract matters more to us than collateral.

> Отчёт о социальном воздействии — мы показали, сколько женщин получили работу.

Numbers like these are exactly what our committee asks for. Did you use the Ortaq self-assessment for it?`,
        helpful: [E],
      },
      {
        by: E,
        replyTo: 1,
        body: `@daniyar-fund да, мы взяли результаты самооценки и добавили истории трёх сотрудниц. Комитету понравилось, что оценка по методике, а не просто наши слова.`,
      },
      {
        by: KG,
        body: `В Кыргызстане похожие программы есть у нескольких МФО, но ставки выше — 24–28% годовых. Было бы полезно собрать список программ по странам.`,
        helpful: [E],
      },
    ],
  },
  {
    category: "impact-measurement",
    by: V,
    title: "What counts as evidence for beneficiary numbers?",
    tags: ["evidence", "methodology"],
    daysAgo: 9,
    body: `Verifiers keep seeing the same question: *how do we prove how many people we served?*

Good evidence, in order of strength:

- signed attendance or service logs, with dates;
- payroll records for employees from vulnerable groups;
- partner letters (a school, a clinic, a local akimat).

Photos alone are not enough. See the [methodology](/methodology) for the full list.`,
    helpful: [E, F, KG],
    replies: [
      {
        by: UZ,
        body: `What about enterprises that serve people anonymously, like a hotline? We cannot collect names.`,
      },
      {
        by: V,
        replyTo: 1,
        body: `@demo-owner-uz counts without names are fine: call logs with dates and durations, or aggregated reports from your phone provider. What matters is that the numbers can be checked.`,
        helpful: [UZ],
      },
    ],
  },
  {
    category: "regulation-and-policy",
    by: M,
    title: "Законопроект о социальном предпринимательстве: что изменить?",
    tags: ["законодательство", "налоги"],
    daysAgo: 6,
    consultation: {
      country: "KZ",
      question: "Какие критерии статуса социального предприятия вы считаете справедливыми, и какие налоговые льготы помогут больше всего?",
      closesInDays: 21,
    },
    body: `Министерство национальной экономики готовит поправки о статусе социального предприятия.

Просим предпринимателей, доноров и общественные организации высказаться:

- какие **критерии статуса** справедливы (доля сотрудников из уязвимых групп, доля реинвестируемой прибыли);
- какие **льготы** важнее всего — налог на прибыль, социальный налог, доступ к госзакупкам.

Итоги консультации будут опубликованы здесь.`,
    replies: [
      {
        by: E,
        body: `Критерий по доле сотрудников (50%) не подходит маленьким предприятиям: если у нас 3 человека, один уход меняет всё. Предлагаю считать среднее за год.`,
        helpful: [KG, M],
      },
      {
        by: F,
        body: `From the funders' side: access to public procurement would help more than a tax break. Many enterprises make no profit yet, so a profit-tax relief means little to them.`,
        helpful: [E],
      },
    ],
  },
  {
    category: "inclusion",
    by: KG,
    title: "Hiring people with disabilities: adapting the workplace on a small budget",
    tags: ["disability", "jobs"],
    daysAgo: 4,
    enterprise: 8,
    body: `We employ four people with hearing impairments in our felt workshop in Karakol. Things that cost little and helped a lot:

- visual signals instead of a bell for breaks;
- a shared chat for instructions, so nobody depends on lip reading;
- training the whole team in basic sign language (two evenings with a local association).

What worked for you?`,
    helpful: [E, V],
    replies: [
      {
        by: E,
        body: `Спасибо! Мы делали то же самое с жестовым языком — команда стала дружнее. Добавлю: важно заранее договориться с врачом о медосмотрах, в поликлинике не всегда есть переводчик.`,
      },
    ],
  },
  {
    category: "climate",
    by: UZ,
    title: "Солнечные сушилки для фруктов: опыт Ферганской долины",
    tags: ["солнечная-энергия", "сельское-хозяйство"],
    daysAgo: 3,
    body: `Три года назад мы поставили первые солнечные сушилки для абрикосов. Сейчас их 40, работают 60 семей.

Сушилка окупается за один сезон, а качество выше, чем при сушке на крыше: меньше пыли и насекомых.

Если кому-то нужны чертежи — напишите, поделимся.`,
    helpful: [F],
    replies: [
      {
        by: F,
        body: `This would be a great fit for a small grant programme we run in the valley. @demo-owner-uz could you share the cost of one dryer in USD?`,
      },
    ],
  },
  {
    category: "youth-and-generations",
    by: E,
    title: "Mentors wanted: young founders in Shymkent",
    tags: ["mentorship", "youth"],
    daysAgo: 2,
    body: `A group of students in Shymkent want to start a repair café. They need someone who has run a small business for a few years and can meet once a month.

Reply here if you can help, in Russian, Kazakh or English.`,
    replies: [],
  },
];

export async function seedForumDemo(tx: Tx, { enterpriseIds, now = Date.now() }: { enterpriseIds: string[]; now?: number }) {
  await ensureForumCategories(tx);
  const categories = new Map((await tx.forumCategory.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const users = new Map(
    (await tx.user.findMany({ where: { email: { endsWith: "@demo.ortaq.org" } }, select: { id: true, email: true, displayName: true } })).map(
      (u) => [u.email, u],
    ),
  );
  const userId = (email: string) => users.get(email)!.id;
  for (const demo of DEMO_THREADS) {
    const start = now - demo.daysAgo * 86_400_000;
    const posts = [{ by: demo.by, body: demo.body, helpful: demo.helpful ?? [], replyTo: undefined as number | undefined }, ...demo.replies.map((r) => ({ ...r, helpful: r.helpful ?? [] }))];
    const lastAt = new Date(start + (posts.length - 1) * 3 * 3_600_000);
    const thread = await tx.forumThread.create({
      data: {
        categoryId: categories.get(demo.category)!,
        authorId: userId(demo.by),
        enterpriseId: demo.enterprise === undefined ? null : enterpriseIds[demo.enterprise] ?? null,
        kind: demo.consultation ? "consultation" : "discussion",
        title: demo.title,
        tags: demo.tags,
        postCount: posts.length,
        lastPostAt: lastAt,
        createdAt: new Date(start),
        consultation: demo.consultation
          ? {
              create: {
                country: demo.consultation.country,
                question: demo.consultation.question,
                closesAt: new Date(now + demo.consultation.closesInDays * 86_400_000),
              },
            }
          : undefined,
      },
      select: { id: true },
    });
    const ids: string[] = [];
    for (const [index, post] of posts.entries()) {
      const created = await tx.forumPost.create({
        data: {
          threadId: thread.id,
          authorId: userId(post.by),
          number: index + 1,
          body: post.body,
          replyToPostId: post.replyTo === undefined ? null : ids[post.replyTo] ?? null,
          helpfulCount: post.helpful.length,
          createdAt: new Date(start + index * 3 * 3_600_000),
          reactions: { create: post.helpful.map((email) => ({ userId: userId(email) })) },
        },
        select: { id: true },
      });
      ids.push(created.id);
      await tx.forumThreadSubscription.upsert({
        where: { userId_threadId: { userId: userId(post.by), threadId: thread.id } },
        create: { userId: userId(post.by), threadId: thread.id },
        update: {},
        select: { userId: true },
      });
    }
    await tx.forumThread.update({ where: { id: thread.id }, data: { lastPostId: ids.at(-1)! }, select: { id: true } });
  }
  // The moderator follows the policy category, as moderators of a real forum would.
  await tx.forumCategorySubscription.create({
    data: { userId: userId(MOD), categoryId: categories.get("regulation-and-policy")! },
    select: { userId: true },
  });
}
