// The forum's categories and demo discussions, in the languages people in the region write in:
// English, Russian, Kazakh, Kyrgyz, Uzbek, Mongolian, Dari and Pashto. Each post's language is
// guessed from its text, as the forum does for a new post.
import type { ForumFlagReason } from "~/generated/prisma/client";
import { ensureForumCategories } from "~/models/forum-category.server";
import type { Tx } from "~/utils/db.server";
import { guessLanguage } from "~/utils/guess-language";

interface DemoReply {
  by: string;
  body: string;
  helpful?: string[];
  replyTo?: number;
  flagged?: DemoFlag;
}
/** A flag someone raised on a reply, which the moderator looked at and dismissed (with the log's entry). */
interface DemoFlag {
  by: string;
  reason: ForumFlagReason;
  note: string;
  dismissed: string;
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
const KZ = "owner-kz@demo.ortaq.org";
const MN = "owner-mn@demo.ortaq.org";
const AF = "owner-af@demo.ortaq.org";

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
        flagged: {
          by: KZ,
          reason: "off_topic",
          note: "The consultation asks about the status criteria, not about funding.",
          dismissed: "On topic: the consultation also asks which benefits would help most.",
        },
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
  {
    category: "kazakhstan",
    by: KZ,
    title: "Әлеуметтік кәсіпкерлерге арналған грант: өтінімді қалай дайындадыңыздар?",
    tags: ["грант", "өтінім"],
    daysAgo: 11,
    body: `Биыл әлеуметтік кәсіпкерлерге арналған мемлекеттік грантқа өтінім бергіміз келеді. Шымкентте тігін цехымыз бар, онда мүмкіндігі шектеулі алты әйел жұмыс істейді.

Екі сұрағым бар:

1. Бизнес-жоспарда әлеуметтік әсерді қалай сипаттаған дұрыс?
2. Ortaq-тағы өзін-өзі бағалау нәтижесін өтінімге қосуға бола ма?

Тәжірибеңізбен бөліссеңіздер, алғысым шексіз болар еді.`,
    helpful: [E],
    replies: [
      {
        by: M,
        body: `Сәлеметсіз бе! Өтінімде әлеуметтік әсерді нақты сандармен көрсеткен жөн: қанша адам жұмысқа орналасты, олардың қаншасы әлеуметтік осал топтан, жалақысы қандай. Өзін-өзі бағалау нәтижесін қосымша құжат ретінде тіркеуге болады, бірақ ол ресми есептің орнын баспайды.`,
        helpful: [KZ, E],
      },
      {
        by: E,
        body: `Біз өткен жылы өтінімге Ortaq нәтижесін қосымша ретінде тіркедік. Комиссия әсіресе жұмыс орындары туралы бөлімге назар аударды, сондықтан қызметкерлердің еңбек шарттарының көшірмесін де дайындап қойыңыз.`,
        helpful: [KZ],
      },
    ],
  },
  {
    category: "social-entrepreneurship",
    by: UZ,
    title: "Hunarmand ayollar mahsulotini onlayn sotish: yetkazib berish qimmatga tushmoqda",
    tags: ["onlayn-savdo", "hunarmandchilik"],
    daysAgo: 8,
    body: `Assalomu alaykum! Biz Margʻilonda atlas va adras toʻqiydigan ayollar bilan ishlaymiz. Oʻtgan yili mahsulotlarimizni onlayn sotishni boshladik, ammo yetkazib berish narxi kutganimizdan ancha qimmat boʻlib chiqdi.

Sizda qanday yechim bor? Pochta, kuryerlik xizmati yoki marketpleyslar bilan ishlash tajribangiz haqida yozing.`,
    helpful: [KG],
    replies: [
      {
        by: KG,
        body: `Биз Караколдо кийиз буюмдарын сатабыз. Чет өлкөгө жөнөтүүдө почта эң арзан болуп чыкты, бирок убакыт көп кетет. Азыр бир нече ишкана чогулуп, жүктү бирге жөнөтүүнү сынап жатабыз.`,
        helpful: [UZ],
      },
      {
        by: F,
        body: `This is a common problem. Pooling shipments, as @demo-owner-kg describes, is the kind of shared service we would consider funding for a group of enterprises.`,
        helpful: [UZ, KG],
      },
      {
        by: UZ,
        replyTo: 1,
        body: `Rahmat! Birgalikda joʻnatish gʻoyasi juda yaxshi. Fargʻona vodiysidagi boshqa korxonalar bilan gaplashib koʻraman.`,
      },
    ],
  },
  {
    category: "mongolia",
    by: MN,
    title: "Ноос боловсруулах хоршоо: малчдаас шууд худалдан авах туршлага",
    tags: ["ноос", "хоршоо"],
    daysAgo: 7,
    body: `Сайн байна уу! Бид Архангай аймагт малчдаас ноос шууд худалдан авч, эсгий бүтээгдэхүүн хийдэг нийгмийн аж ахуйн нэгж юм. Одоо арван дөрвөн малчин өрх бидэнтэй хамтран ажиллаж байна.

Гол асуудал нь үнэ: зах зээлийн үнэ жил бүр их хэлбэлздэг тул малчдад тогтвортой үнэ санал болгохыг хүсч байна. Ийм гэрээ байгуулж байсан туршлагатай хүн байна уу?`,
    helpful: [F],
    replies: [
      {
        by: F,
        body: `We have seen fixed-price contracts work when the enterprise keeps a small reserve for the years when the market price is high. Happy to share a contract template.`,
        helpful: [MN],
      },
      {
        by: MN,
        body: `Баярлалаа! Загвар гэрээг хуваалцвал их тус болно. Нөөц сангийн санааг манай хоршооны хурлаар ярилцъя.`,
      },
    ],
  },
  {
    category: "inclusion",
    by: AF,
    title: "کار خانگی برای زنان در هرات: تجربه‌های شما چیست؟",
    tags: ["زنان", "صنایع-دستی"],
    daysAgo: 5,
    body: `سلام به همه! ما در هرات یک کارگاه کوچک خیاطی داریم که بیست زن از خانه‌های خود برای آن کار می‌کنند. مواد خام را به خانه‌هایشان می‌رسانیم و محصولات آماده را جمع‌آوری می‌کنیم.

بزرگترین مشکل ما دسترسی به بازار است. آیا کسی تجربه فروش صنایع دستی از طریق نمایشگاه‌ها یا شرکای خارجی را دارد؟`,
    helpful: [V],
    replies: [
      {
        by: V,
        body: `For verification, keep a simple record of who worked how many days and what each person was paid. It is the first evidence funders ask for, and it protects the women too.`,
        helpful: [AF],
      },
      {
        by: AF,
        body: `از مشوره شما تشکر. از ماه آینده ثبت روزانه کار و پرداخت‌ها را شروع می‌کنیم.`,
      },
    ],
  },
  {
    category: "afghanistan",
    by: AF,
    title: "په کندهار کې د وچو مېوو د بسته بندۍ کوچنۍ فابریکه: د کیفیت سند څنګه ترلاسه کړو؟",
    tags: ["صادرات", "وچې-مېوې"],
    daysAgo: 1,
    body: `سلامونه! موږ په کندهار کې د وچو مېوو د بسته بندۍ یوه کوچنۍ فابریکه لرو چې دولس ښځې پکې کار کوي. غواړو خپل محصولات بهر ته صادر کړو، خو د کیفیت سند نه لرو.

که څوک په دې برخه کې تجربه لري، مهرباني وکړئ لارښوونه وکړئ.`,
    replies: [
      {
        by: F,
        body: `Certification is worth it, but start with what your buyers require: many importers accept a laboratory test of each shipment while you work towards full certification.`,
      },
    ],
  },
];

export async function seedForumDemo(tx: Tx, { enterpriseIds, now = Date.now() }: { enterpriseIds: string[]; now?: number }) {
  await ensureForumCategories(tx);
  const categories = new Map((await tx.forumCategory.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const users = new Map(
    (
      await tx.user.findMany({ where: { email: { endsWith: "@demo.ortaq.org" } }, select: { id: true, email: true, displayName: true } })
    ).map((u) => [u.email, u]),
  );
  const userId = (email: string) => users.get(email)!.id;
  for (const demo of DEMO_THREADS) {
    const start = now - demo.daysAgo * 86_400_000;
    const posts = [
      {
        by: demo.by,
        body: demo.body,
        helpful: demo.helpful ?? [],
        replyTo: undefined as number | undefined,
        flagged: undefined as DemoFlag | undefined,
      },
      ...demo.replies.map((r) => ({ ...r, helpful: r.helpful ?? [] })),
    ];
    const lastAt = new Date(start + (posts.length - 1) * 3 * 3_600_000);
    const thread = await tx.forumThread.create({
      data: {
        categoryId: categories.get(demo.category)!,
        authorId: userId(demo.by),
        language: guessLanguage(`${demo.title}\n\n${demo.body}`, "en"),
        enterpriseId: demo.enterprise === undefined ? null : (enterpriseIds[demo.enterprise] ?? null),
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
          language: guessLanguage(index === 0 ? `${demo.title}\n\n${post.body}` : post.body, "en"),
          replyToPostId: post.replyTo === undefined ? null : (ids[post.replyTo] ?? null),
          helpfulCount: post.helpful.length,
          createdAt: new Date(start + index * 3 * 3_600_000),
          reactions: { create: post.helpful.map((email) => ({ userId: userId(email) })) },
        },
        select: { id: true, createdAt: true },
      });
      ids.push(created.id);
      if (post.flagged)
        await seedDismissedFlag(tx, {
          postId: created.id,
          threadId: thread.id,
          authorId: userId(post.by),
          flag: post.flagged,
          userId,
          at: created.createdAt,
        });
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

/** A flag raised an hour after the post, dismissed by the moderator an hour later, as the moderation log shows it. */
async function seedDismissedFlag(
  tx: Tx,
  {
    postId,
    threadId,
    authorId,
    flag,
    userId,
    at,
  }: { postId: string; threadId: string; authorId: string; flag: DemoFlag; userId: (email: string) => string; at: Date },
) {
  const flaggedAt = new Date(at.getTime() + 3_600_000);
  const dismissedAt = new Date(at.getTime() + 2 * 3_600_000);
  await tx.forumFlag.create({
    data: {
      postId,
      reporterId: userId(flag.by),
      reason: flag.reason,
      note: flag.note,
      status: "dismissed",
      resolvedById: userId(MOD),
      resolvedAt: dismissedAt,
      createdAt: flaggedAt,
    },
    select: { id: true },
  });
  await tx.moderationAction.create({
    data: {
      moderatorId: userId(MOD),
      action: "dismiss_flag",
      reason: flag.dismissed,
      threadId,
      postId,
      targetUserId: authorId,
      details: { flags: 1 },
      createdAt: dismissedAt,
    },
    select: { id: true },
  });
}
