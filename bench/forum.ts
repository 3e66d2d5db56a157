import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { time } from "./database";
import { largeDataset } from "./large-data";
import type { Language } from "../app/utils/i18n";

export const FORUM_USERS = 2_000;
export const LONG_THREAD_REPLIES = 10_000;
export const FORUM_POSTS = 100_000;
const POSTS_PER_THREAD = 10;

// Sentences people in the region write, in several languages; each post takes two of one
// language, so words repeat across the corpus as in a real forum and full-text search (stemmed
// for English and Russian, word by word for the others) has real work to do.
const CORPUS: { language: string; sentences: string[] }[] = [
  {
    language: "en",
    sentences: [
      "We took a microfinance loan without collateral to buy a second sewing machine.",
      "Our cooperative measures the savings of every family that uses the solar dryers.",
      "The new tax rules for social enterprises are unclear for small workshops.",
      "Funders ask for impact reports with numbers, not only stories.",
      "We hire young people with disabilities and train them for six months.",
      "Public procurement could help social enterprises more than a tax break.",
      "How do you price felt products for tourists and for local customers?",
      "Our bakery reinvests half of its profit in the community kitchen.",
    ],
  },
  {
    language: "ru",
    sentences: [
      "Мы получили займ в микрофинансовой организации без залога.",
      "Солнечные сушилки окупаются за один сезон в Ферганской долине.",
      "Новые налоговые правила для социальных предприятий пока непонятны.",
      "Доноры просят отчёт о социальном воздействии с цифрами.",
      "Мы обучаем молодёжь с инвалидностью и платим им зарплату.",
      "Госзакупки помогли бы социальным предприятиям больше, чем льготы.",
      "Как назначить цену на изделия из войлока для туристов?",
      "Наша пекарня вкладывает половину прибыли в общественную кухню.",
    ],
  },
  {
    language: "kk",
    sentences: [
      "Біз кепілсіз шағын несие алып, екінші тігін машинасын сатып алдық.",
      "Әлеуметтік кәсіпкерлерге арналған жаңа салық ережелері әлі түсініксіз.",
      "Демеушілер әлеуметтік әсер туралы есепті сандармен сұрайды.",
      "Біздің наубайхана пайданың жартысын қоғамдық асханаға жұмсайды.",
    ],
  },
  {
    language: "mn",
    sentences: [
      "Бид барьцаагүй бичил зээл авч, хоёр дахь оёдлын машинаа худалдаж авсан.",
      "Нийгмийн аж ахуйн нэгжийн татварын шинэ журам одоогоор ойлгомжгүй байна.",
      "Хандивлагчид нийгмийн нөлөөллийн тайланг тоо баримттай шаарддаг.",
      "Манай талх нарийн боовны газар ашгийнхаа талыг олон нийтийн гал тогоонд зарцуулдаг.",
    ],
  },
  {
    language: "uz",
    sentences: [
      "Biz garovsiz mikrokredit olib, ikkinchi tikuv mashinasini sotib oldik.",
      "Ijtimoiy korxonalar uchun yangi soliq qoidalari hali tushunarsiz.",
      "Homiylar ijtimoiy taʼsir hisobotini raqamlar bilan soʻraydi.",
      "Nonvoyxonamiz foydaning yarmini jamoat oshxonasiga sarflaydi.",
    ],
  },
  {
    language: "fa-AF",
    sentences: [
      "ما بدون وثیقه یک قرضه کوچک گرفتیم و ماشین خیاطی دوم را خریدیم.",
      "مقررات جدید مالیاتی برای شرکت‌های اجتماعی هنوز روشن نیست.",
      "تمویل‌کنندگان گزارش تأثیر اجتماعی را با ارقام می‌خواهند.",
      "نانوایی ما نیمی از مفاد خود را در آشپزخانه عامه مصرف می‌کند.",
    ],
  },
  {
    language: "ps",
    sentences: [
      "موږ پرته له تضمین څخه کوچنی پور واخیست او دویم د خیاطۍ ماشین مو وپېره.",
      "د ټولنیزو شرکتونو لپاره د مالیې نوي مقررات لا روښانه نه دي.",
      "مرسته کوونکي د ټولنیزې اغېزې راپور له شمېرو سره غواړي.",
      "زموږ نانوايي د خپلې ګټې نیمایي د ټولنې په پخلنځي لګوي.",
    ],
  },
];
const SENTENCES = CORPUS.flatMap((c) => c.sentences);
// For each sentence (1-based, as SQL arrays are): its language, and where its language's sentences start and how many there are.
const SENTENCE_LANGUAGE = CORPUS.flatMap((c) => c.sentences.map(() => c.language));
const BLOCK_START = CORPUS.flatMap((c, i) => c.sentences.map(() => 1 + CORPUS.slice(0, i).reduce((n, x) => n + x.sentences.length, 0)));
const BLOCK_SIZE = CORPUS.flatMap((c) => c.sentences.map(() => c.sentences.length));

/** Adds the forum to the large data set: 2,000 people, threads in every category, 100,000 posts, one thread of 10,000 replies. */
export async function seedForum(url: string, { posts = FORUM_POSTS, longThreadReplies = LONG_THREAD_REPLIES, users = FORUM_USERS } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Errors surface through the queries; the event would only repeat them when the server stops.
  client.on("error", () => {});
  const { FORUM_CATEGORY_SEEDS, forumCategorySeedTexts } = await import("../app/utils/forum-categories");
  for (const [i, c] of FORUM_CATEGORY_SEEDS.entries()) {
    const { name, description } = forumCategorySeedTexts(c);
    await client.query(
      `INSERT INTO "ForumCategory" (id, slug, kind, country, name, description, position, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [`bc${i}`, c.slug, c.kind, c.country, JSON.stringify(name), JSON.stringify(description), i * 10],
    );
  }
  const categories = FORUM_CATEGORY_SEEDS.length;
  await client.query(`
    INSERT INTO "User" (id, email, "displayName", handle, "passwordHash", "createdAt", "updatedAt")
    SELECT 'bu' || i, 'bench-' || i || '@bench.ortaq.org', 'Bench person ' || i, 'bench-person-' || i, 'x', now() - interval '1 year', now()
    FROM generate_series(1, ${users}) AS i`);
  await client.query(
    `INSERT INTO "UserRole" ("userId", role) SELECT 'bu' || i, (ARRAY['entrepreneur','funder','ministry','moderator']::"Role"[])[1 + i % 4] FROM generate_series(1, ${users}) AS i`,
  );
  await client.query(
    `INSERT INTO "EnterpriseMember" ("enterpriseId", "userId") SELECT 'e' || i, 'bu' || i FROM generate_series(1, ${users}, 3) AS i`,
  );

  const longThreadPosts = longThreadReplies + 1;
  const otherThreads = Math.floor((posts - longThreadPosts) / POSTS_PER_THREAD);
  // The posts that do not fill a whole thread go into one last, shorter thread: FORUM_POSTS in all.
  const remainder = posts - longThreadPosts - otherThreads * POSTS_PER_THREAD;
  const lastThread = otherThreads + (remainder > 0 ? 1 : 0);
  // Thread 0 is the long one; the others have POSTS_PER_THREAD posts each, their last one spread over two years.
  await client.query(`
    INSERT INTO "ForumThread" (id, "categoryId", "authorId", title, tags, "postCount", "lastPostAt", pinned, "createdAt", "updatedAt")
    SELECT 'bt' || t, 'bc' || (t % ${categories}), 'bu' || (1 + t % ${users}),
      'Bench thread ' || t || ': ' || (ARRAY['funding','tax rules','impact','inclusion','solar','youth','займы','налоги'])[1 + t % 8],
      ARRAY[(ARRAY['funding','tax','impact','inclusion','solar','youth','займы','налоги'])[1 + t % 8]],
      CASE WHEN t = 0 THEN ${longThreadPosts} WHEN t > ${otherThreads} THEN ${remainder} ELSE ${POSTS_PER_THREAD} END,
      now() - (t * 7 % 730) * interval '1 day' - (t % 1440) * interval '1 minute',
      t % 500 = 1, now() - interval '2 years', now()
    FROM generate_series(0, ${lastThread}) AS t`);
  const array = (items: (string | number)[]) =>
    `(ARRAY[${items.map((s) => (typeof s === "number" ? s : `'${s.replace(/'/g, "''")}'`)).join(",")}])`;
  const sentences = array(SENTENCES);
  // Two sentences of one language: the first picks the language, the second comes from the same language's sentences.
  const first = (n: string) => `(1 + (${n} * 7) % ${SENTENCES.length})`;
  const second = (n: string) => `(${array(BLOCK_START)}[${first(n)}] + (${n} * 13 + 5) % ${array(BLOCK_SIZE)}[${first(n)}])`;
  const body = (n: string) => `${sentences}[${first(n)}] || ' ' || ${sentences}[${second(n)}] || ' Note ' || ${n} || '.'`;
  const language = (n: string) => `${array(SENTENCE_LANGUAGE)}[${first(n)}]`;
  await client.query(`
    INSERT INTO "ForumPost" (id, "threadId", "authorId", number, body, language, "createdAt", "updatedAt")
    SELECT 'bp0-' || n, 'bt0', 'bu' || (1 + n % ${users}), n, ${body("n")}, ${language("n")}, now() - interval '1 year' + n * interval '1 minute', now()
    FROM generate_series(1, ${longThreadPosts}) AS n`);
  await client.query(`
    INSERT INTO "ForumPost" (id, "threadId", "authorId", number, body, language, "createdAt", "updatedAt")
    SELECT 'bp' || t || '-' || n, 'bt' || t, 'bu' || (1 + (t * 31 + n) % ${users}), n, ${body("(t * 10 + n)")}, ${language("(t * 10 + n)")}, now() - interval '1 year', now()
    FROM generate_series(1, ${lastThread}) AS t CROSS JOIN generate_series(1, ${POSTS_PER_THREAD}) AS n
    WHERE t <= ${otherThreads} OR n <= ${remainder}`);
  // A thread is in the language of its opening post.
  await client.query(`UPDATE "ForumThread" t SET language = p.language FROM "ForumPost" p WHERE p."threadId" = t.id AND p.number = 1`);
  await client.query(`ANALYZE`);
  const { rows } = await client.query<{ posts: number; threads: number }>(
    `SELECT (SELECT count(*)::int FROM "ForumPost") AS posts, (SELECT count(*)::int FROM "ForumThread") AS threads`,
  );
  await client.end();
  return rows[0]!;
}

export async function benchForum() {
  const database = await largeDataset();
  const started = performance.now();
  const counts = await seedForum(database.url);
  console.log(
    `forum data: ${counts.posts.toLocaleString("en")} posts in ${counts.threads.toLocaleString("en")} threads, one of ${LONG_THREAD_REPLIES.toLocaleString("en")} replies, seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const forum = await import("../app/models/forum.server");
  const { searchForum } = await import("../app/models/forum-search.server");
  const { getThreadPosts } = await import("../app/models/forum-thread.server");
  const { POSTS_PER_PAGE } = await import("../app/utils/forum-limits");

  // What the loaders do, minus the HTTP layer: the same model calls (a thread page renders its posts' Markdown).
  const categoryPage = async (after?: ReturnType<typeof forum.decodeThreadCursor>, language?: Language) => {
    const { threads } = await forum.listCategoryThreads({ categoryId: "bc1", language, after });
    await forum.getPeople(threads.map((t) => t.authorId));
  };
  const threadPage = async (page: number) => {
    const thread = await forum.getThread("bt0");
    await getThreadPosts({ threadId: thread!.id, page, reader: { id: "bu7", roles: [] } });
  };
  const lastPage = Math.ceil((LONG_THREAD_REPLIES + 1) / POSTS_PER_PAGE);
  const second = await forum.listCategoryThreads({ categoryId: "bc1" });
  const cases: [string, () => Promise<unknown>, number][] = [
    ["forum front page (categories with counts)", () => forum.listCategories(), 50],
    ["category page, first", () => categoryPage(), 50],
    ["category page, next (keyset)", () => categoryPage(forum.decodeThreadCursor(second.next)), 50],
    ["category page, threads in Mongolian", () => categoryPage(undefined, "mn"), 50],
    ["long thread, first page", () => threadPage(1), 50],
    [`long thread, last page (${lastPage})`, () => threadPage(lastPage), 50],
    ["search, English words", () => searchForum({ q: "microfinance loan collateral" }), 150],
    ["search, Russian word forms", () => searchForum({ q: "солнечная сушилка" }), 150],
    ["search, a Kazakh word", () => searchForum({ q: "наубайхана" }), 150],
    ["search, a Mongolian word", () => searchForum({ q: "хандивлагчид" }), 150],
    ["search, a Pashto word", () => searchForum({ q: "پخلنځي" }), 150],
    ["search, Dari words, posts in Dari only", () => searchForum({ q: "مقررات مالیاتی", language: "fa-AF" }), 150],
    ["search, a word in few posts", () => searchForum({ q: "9999" }), 150],
    ["search, with category and tag", () => searchForum({ q: "impact reports", categoryId: "bc3", tag: "impact" }), 150],
  ];
  for (const [name, fn, target] of cases) {
    const { p50, p95 } = await time(30, fn);
    console.log(`forum: ${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target: p95 under ${target} ms)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await benchForum();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    const { disconnectPrisma } = await import("../app/utils/db.server");
    await disconnectPrisma();
    await (await largeDataset()).stop();
  }
  process.exit(0);
}
