// Demo learning resources: short real guides for Central Asia's social enterprises, tied to the
// methodology's questions, in the languages they were written in (most in English and Russian, some in
// Kazakh, Uzbek, Tajik or Kyrgyz only or as translations).
import type { Tx } from "~/utils/db.server";

type Version = { title: string; summary: string; body: string };
export interface DemoResource {
  slug: string;
  format: "guide" | "template" | "case_study" | "course";
  level: "beginner" | "intermediate" | "advanced";
  country: string | null;
  dimensions: string[];
  questionIds: string[];
  versions: Partial<Record<"en" | "ru" | "kk" | "ky" | "uz" | "tg", Version>>;
}

export const DEMO_RESOURCES: DemoResource[] = [
  // --- Social impact -------------------------------------------------------------------------
  {
    slug: "theory-of-change-in-one-page",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["social_impact"],
    questionIds: ["si_theory_of_change", "si_outcome_measurement"],
    versions: {
      en: {
        title: "A theory of change on one page",
        summary: "Draw the path from what you do to the change you want, in an afternoon with your team.",
        body: `A theory of change is a simple chain: **activities → outputs → outcomes → impact**. Funders in the region (from GIZ programmes to local foundations) increasingly ask for one, but it is first of all a tool for your own decisions.

## Four steps
1. Write the long-term change in one sentence: "Women in rural Naryn earn a stable income from felt crafts."
2. List what must be true before that happens (outcomes): skills, access to buyers, childcare.
3. Under each outcome, write what you do (activities) and what you can count (outputs: trainings held, products sold).
4. Mark your assumptions: "buyers in Bishkek will pay 20% more for certified wool".

Keep it on one page and revisit it every year. An enterprise that can show its chain earns the rating's point for a written theory of change and finds measuring outcomes much easier.`,
      },
      ru: {
        title: "Теория изменений на одной странице",
        summary: "Нарисуйте путь от вашей работы к изменениям, которых вы хотите, — за один вечер с командой.",
        body: `Теория изменений — это простая цепочка: **деятельность → результаты → изменения → влияние**. Доноры в регионе (от программ GIZ до местных фондов) всё чаще просят её показать, но прежде всего это инструмент для ваших собственных решений.

## Четыре шага
1. Запишите долгосрочное изменение одним предложением: «Женщины в сёлах Нарына получают стабильный доход от войлочных изделий».
2. Перечислите, что должно произойти до этого (промежуточные изменения): навыки, доступ к покупателям, присмотр за детьми.
3. Под каждым изменением запишите, что вы делаете (деятельность) и что можно посчитать (результаты: проведённые тренинги, проданные изделия).
4. Отметьте допущения: «покупатели в Бишкеке заплатят на 20% больше за сертифицированную шерсть».

Уместите всё на одной странице и пересматривайте раз в год. Предприятие, у которого есть такая цепочка, получает балл рейтинга за письменную теорию изменений, и ему гораздо проще измерять результаты.`,
      },
      ky: {
        title: "Өзгөрүүлөр теориясы бир бетте",
        summary: "Ишиңизден баштап каалаган өзгөрүүгө чейинки жолду команда менен бир кечте тартыңыз.",
        body: `Өзгөрүүлөр теориясы — жөнөкөй чынжыр: **иш-аракет → натыйжа → өзгөрүү → таасир**.

1. Узак мөөнөттүү өзгөрүүнү бир сүйлөм менен жазыңыз: «Нарын айылдарындагы аялдар кийиз буюмдардан туруктуу киреше табышат».
2. Ага чейин эмне болушу керек экенин тизмектеңиз: көндүмдөр, сатып алуучуларга жетүү, балдарга кароо.
3. Ар бир өзгөрүүнүн астына эмне кыларыңызды жана эмнени санай аларыңызды жазыңыз.
4. Божомолдоруңузду белгилеңиз.

Баарын бир бетке батырып, жылына бир жолу карап чыгыңыз.`,
      },
    },
  },
  {
    slug: "measuring-outcomes-on-a-small-budget",
    format: "guide",
    level: "intermediate",
    country: null,
    dimensions: ["social_impact"],
    questionIds: ["si_outcome_measurement", "si_beneficiaries", "si_impact_report"],
    versions: {
      en: {
        title: "Measuring outcomes on a small budget",
        summary: "Three indicators, a notebook and a phone survey: outcome measurement that a team of five can keep up.",
        body: `Counting people served is an output; knowing whether their lives changed is an outcome. You do not need an evaluation firm to start.

- **Pick three indicators** from your theory of change, for example: monthly income of trained women, share still employed after six months, school attendance of their children.
- **Take a baseline** when someone joins: a ten-question form on paper or in Google Forms / KoboToolbox (free, works offline in villages).
- **Follow up** at six and twelve months by phone. Call a random sample of 30 rather than everyone.
- **Write down what you learn**, including what did not work.

Split every count by gender, disability and vulnerable group: Kazakhstan's Entrepreneurial Code and Tajikistan's 2025 law both define social enterprises by whom they employ and serve, and the rating asks the same.`,
      },
      ru: {
        title: "Как измерять результаты при небольшом бюджете",
        summary: "Три показателя, тетрадь и телефонный опрос: оценка изменений, которую потянет команда из пяти человек.",
        body: `Число обслуженных людей — это результат; знать, изменилась ли их жизнь, — это изменение. Чтобы начать, не нужна консалтинговая фирма.

- **Выберите три показателя** из вашей теории изменений, например: месячный доход обученных женщин, доля тех, кто работает через полгода, посещаемость школы их детьми.
- **Зафиксируйте исходную точку**, когда человек приходит к вам: анкета из десяти вопросов на бумаге или в Google Forms / KoboToolbox (бесплатно, работает без интернета в сёлах).
- **Повторите опрос** через шесть и двенадцать месяцев по телефону. Позвоните случайной выборке из 30 человек, а не всем.
- **Записывайте выводы**, в том числе о том, что не сработало.

Разбивайте все данные по полу, инвалидности и уязвимым группам: Предпринимательский кодекс Казахстана и закон Таджикистана 2025 года определяют социальное предприятие по тому, кого оно нанимает и кому служит, и рейтинг спрашивает о том же.`,
      },
      kk: {
        title: "Шағын бюджетпен нәтижелерді өлшеу",
        summary: "Үш көрсеткіш, дәптер және телефон сауалнамасы: бес адамдық команда жүргізе алатын бағалау.",
        body: `Қызмет көрсетілген адамдар саны — бұл нәтиже; олардың өмірі өзгерді ме, соны білу — өзгеріс.

- **Үш көрсеткіш таңдаңыз**: оқытылған әйелдердің айлық табысы, алты айдан кейін жұмыс істеп жүргендердің үлесі, балаларының мектепке баруы.
- **Бастапқы деректерді жазып алыңыз**: он сұрақтық сауалнама қағазда немесе KoboToolbox-та.
- **Алты және он екі айдан кейін** 30 адамнан тұратын кездейсоқ іріктемеге қоңырау шалыңыз.

Барлық деректерді жынысы, мүгедектігі және осал топтары бойынша бөліңіз.`,
      },
    },
  },
  {
    slug: "listening-to-beneficiaries",
    format: "template",
    level: "beginner",
    country: null,
    dimensions: ["social_impact", "governance_transparency"],
    questionIds: ["si_beneficiary_feedback", "gt_accountability"],
    versions: {
      en: {
        title: "Template: a five-question feedback round",
        summary: "A short feedback form and a routine to ask the people you serve every quarter, and to answer them.",
        body: `Ask these five questions every three months, in the language people speak at home:

1. What has changed for you since you started working with us?
2. What do you value most in what we do?
3. What should we stop doing or do differently?
4. Is there anyone who needs our help and does not get it?
5. Do you feel you can tell us when something is wrong? (yes / not sure / no)

**Routine.** Collect answers on paper, by phone or in a WhatsApp/Telegram group; one person summarises them on one page; the team decides one change; tell the people who answered what you changed. That last step is what turns a survey into accountability.`,
      },
      ru: {
        title: "Шаблон: обратная связь за пять вопросов",
        summary: "Короткая анкета и порядок, как раз в квартал спрашивать тех, кому вы служите, — и отвечать им.",
        body: `Задавайте эти пять вопросов раз в три месяца, на том языке, на котором люди говорят дома:

1. Что изменилось для вас с тех пор, как вы начали работать с нами?
2. Что вы больше всего цените в нашей работе?
3. Что нам стоит перестать делать или делать иначе?
4. Есть ли кто-то, кому нужна наша помощь, но он её не получает?
5. Чувствуете ли вы, что можете сказать нам, когда что-то не так? (да / не уверен / нет)

**Порядок.** Собирайте ответы на бумаге, по телефону или в группе WhatsApp/Telegram; один человек сводит их на одну страницу; команда выбирает одно изменение; сообщите ответившим, что вы изменили. Именно последний шаг превращает опрос в подотчётность.`,
      },
      uz: {
        title: "Shablon: besh savollik fikr-mulohaza",
        summary: "Har chorakda xizmat ko'rsatayotgan odamlaringizdan so'rash uchun qisqa so'rovnoma.",
        body: `Har uch oyda bu besh savolni odamlar uyda gaplashadigan tilda bering:

1. Biz bilan ishlay boshlaganingizdan beri nima o'zgardi?
2. Ishimizda nimani eng ko'p qadrlaysiz?
3. Nimani to'xtatishimiz yoki boshqacha qilishimiz kerak?
4. Yordamimizga muhtoj, lekin uni olmayotgan kimdir bormi?
5. Biror narsa noto'g'ri bo'lsa, bizga ayta olasizmi?

Javoblarni bir sahifaga jamlang, bitta o'zgarishni tanlang va javob berganlarga nimani o'zgartirganingizni ayting.`,
      },
    },
  },
  {
    slug: "writing-your-first-impact-report",
    format: "guide",
    level: "intermediate",
    country: null,
    dimensions: ["social_impact", "governance_transparency"],
    questionIds: ["si_impact_report", "gt_annual_report"],
    versions: {
      en: {
        title: "Your first impact report in eight pages",
        summary: "What to put in a short yearly report on your social and environmental results, and where to publish it.",
        body: `An impact report does not need a designer. Eight pages, published as a PDF on your website and shared in your Telegram channel, are enough.

1. **Who we are** — mission in two sentences, team, where you work.
2. **The problem** — one figure from official statistics (Bureau of National Statistics, Stat.kg, Stat.uz).
3. **What we did** — outputs of the year.
4. **What changed** — your three outcome indicators, with last year's values beside them.
5. **A story** — one beneficiary, with their written consent.
6. **Money** — income by source, and how much profit went back into the mission.
7. **What did not work** — readers trust reports that admit it.
8. **Next year** — three goals.

Publish it in Russian and in the state language; an English summary helps with international partners.`,
      },
      ru: {
        title: "Первый отчёт о влиянии на восьми страницах",
        summary: "Что включить в короткий годовой отчёт о социальных и экологических результатах и где его опубликовать.",
        body: `Для отчёта о влиянии не нужен дизайнер. Восьми страниц в PDF на сайте и в вашем Telegram-канале достаточно.

1. **Кто мы** — миссия в двух предложениях, команда, где работаем.
2. **Проблема** — одна цифра из официальной статистики (Бюро национальной статистики, Нацстатком, Стат.уз).
3. **Что мы сделали** — результаты года.
4. **Что изменилось** — три показателя изменений рядом с прошлогодними.
5. **История** — один благополучатель, с его письменного согласия.
6. **Деньги** — доходы по источникам и сколько прибыли вернулось в миссию.
7. **Что не сработало** — отчётам, которые это признают, доверяют больше.
8. **Следующий год** — три цели.

Публикуйте отчёт на русском и государственном языке; краткое резюме на английском поможет с международными партнёрами.`,
      },
    },
  },
  {
    slug: "sliding-scale-pricing",
    format: "case_study",
    level: "intermediate",
    country: "KG",
    dimensions: ["social_impact", "economic_sustainability"],
    questionIds: ["si_affordability", "es_revenue_sources"],
    versions: {
      ru: {
        title: "Кейс: скользящая шкала цен в реабилитационном центре в Оше",
        summary: "Как центр для детей с инвалидностью сохранил бесплатные места, не потеряв доход.",
        body: `Центр в Оше предлагает занятия с логопедом и физиотерапию для детей с инвалидностью. Раньше всё было бесплатно на средства гранта; когда грант закончился, центр оказался на грани закрытия.

**Решение.** Три уровня оплаты: полная цена для семей, которые могут платить (около трети), половина — для семей со средним доходом, и бесплатно — для семей, получающих социальное пособие (подтверждение из айыл окмоту). Полная цена рассчитана так, чтобы покрыть одно бесплатное место.

**Итог через год.** 40% доходов — от платных занятий, ни одна семья не ушла из-за цены, а центр впервые получил контракт с районной больницей. Урок: доступность — это правило, а не благотворительность, и его можно записать в прайс-лист.`,
      },
      en: {
        title: "Case study: sliding-scale prices at a rehabilitation centre in Osh",
        summary: "How a centre for children with disabilities kept free places without losing its income.",
        body: `A centre in Osh offers speech therapy and physiotherapy for children with disabilities. Everything used to be free, paid by a grant; when the grant ended, the centre nearly closed.

**The fix.** Three price levels: full price for families who can pay (about a third), half price for middle-income families, and free for families on social benefit (confirmed by the ayil okmotu). The full price is set to cover one free place.

**A year later.** 40% of income comes from paid sessions, no family left because of the price, and the centre won its first contract with the district hospital. The lesson: affordability is a rule, not charity, and it can be written into the price list.`,
      },
    },
  },
  {
    slug: "sdg-mapping-for-small-enterprises",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["social_impact"],
    questionIds: ["si_impact_areas", "si_primary_mission"],
    versions: {
      en: {
        title: "Which SDGs does your enterprise really advance?",
        summary: "Choose two or three Sustainable Development Goals honestly, and say why, rather than ticking all seventeen.",
        body: `Many applications tick ten SDGs. Funders read that as "no focus". Pick the goals your **primary mission** directly changes:

- A sewing workshop employing women with disabilities: SDG 8 (decent work) and SDG 10 (reduced inequalities).
- A school of programming for rural girls: SDG 4 (education) and SDG 5 (gender equality).
- A cooperative recycling plastic in Khujand: SDG 12 (responsible consumption) and SDG 11 (sustainable cities).

For each goal, write one sentence on *how* and one indicator you track. That is what the rating's question on impact areas rewards: a clear link between mission and goals.`,
      },
      ru: {
        title: "Каким ЦУР на самом деле служит ваше предприятие?",
        summary: "Честно выберите две-три Цели устойчивого развития и объясните почему, вместо того чтобы отмечать все семнадцать.",
        body: `Во многих заявках отмечено десять ЦУР. Доноры читают это как «нет фокуса». Выберите цели, которые **основная миссия** меняет напрямую:

- Швейный цех, где работают женщины с инвалидностью: ЦУР 8 (достойная работа) и ЦУР 10 (уменьшение неравенства).
- Школа программирования для девушек из сёл: ЦУР 4 (образование) и ЦУР 5 (гендерное равенство).
- Кооператив по переработке пластика в Худжанде: ЦУР 12 (ответственное потребление) и ЦУР 11 (устойчивые города).

Для каждой цели напишите одно предложение о том, *как* вы ей служите, и один показатель, который вы отслеживаете.`,
      },
      tg: {
        title: "Корхонаи шумо ба кадом ҲРУ воқеан хизмат мекунад?",
        summary: "Ду-се Ҳадафи рушди устуворро ростқавлона интихоб кунед ва сабабашро гӯед.",
        body: `Бисёр дархостҳо даҳ ҳадафро қайд мекунанд. Донорҳо инро ҳамчун «набудани самт» мехонанд. Ҳадафҳоеро интихоб кунед, ки **рисолати асосии** шумо бевосита тағйир медиҳад:

- Коргоҳи дӯзандагӣ бо занони маъюб: ҲРУ 8 ва ҲРУ 10.
- Кооперативи коркарди пластмасса дар Хуҷанд: ҲРУ 12 ва ҲРУ 11.

Барои ҳар ҳадаф як ҷумла дар бораи он, ки *чӣ тавр*, ва як нишондиҳанда нависед.`,
      },
    },
  },
  {
    slug: "mission-in-the-charter",
    format: "template",
    level: "beginner",
    country: "KZ",
    dimensions: ["social_impact", "governance_transparency"],
    questionIds: ["si_mission_in_statutes", "gt_asset_lock", "gt_profit_distribution_cap"],
    versions: {
      ru: {
        title: "Шаблон: социальная миссия в уставе ТОО",
        summary: "Готовые формулировки для устава: миссия, реинвестирование прибыли и сохранение активов для миссии.",
        body: `Чтобы миссия пережила смену собственников, её нужно записать в устав. Пример формулировок для ТОО в Казахстане (согласуйте с юристом):

> **Цель деятельности.** Основной целью Товарищества является создание рабочих мест для лиц с инвалидностью и выпускников организаций для детей-сирот в городе Караганде.

> **Распределение чистого дохода.** Не менее 50% чистого дохода по итогам года направляется на развитие деятельности, указанной в пункте … Решение о выплате дивидендов принимается только после такого направления.

> **Имущество при ликвидации.** Имущество, оставшееся после расчётов с кредиторами, передаётся некоммерческой организации с аналогичной социальной целью.

Такие пункты также помогают при включении в реестр субъектов социального предпринимательства по Предпринимательскому кодексу.`,
      },
      kk: {
        title: "Үлгі: ЖШС жарғысындағы әлеуметтік миссия",
        summary: "Жарғыға арналған дайын тұжырымдар: миссия, пайданы қайта инвестициялау және активтерді миссия үшін сақтау.",
        body: `Миссия меншік иелері ауысқанда да сақталуы үшін оны жарғыға жазу керек. Қазақстандағы ЖШС үшін мысал (заңгермен келісіңіз):

> **Қызмет мақсаты.** Серіктестіктің негізгі мақсаты — Қарағанды қаласында мүгедектігі бар адамдар үшін жұмыс орындарын құру.

> **Таза табысты бөлу.** Жыл қорытындысы бойынша таза табыстың кемінде 50%-ы қызметті дамытуға жұмсалады.

> **Таратылған кездегі мүлік.** Кредиторлармен есеп айырысқаннан кейін қалған мүлік ұқсас әлеуметтік мақсаты бар коммерциялық емес ұйымға беріледі.`,
      },
    },
  },
  // --- Economic sustainability ---------------------------------------------------------------
  {
    slug: "from-grants-to-earned-income",
    format: "guide",
    level: "intermediate",
    country: null,
    dimensions: ["economic_sustainability"],
    questionIds: ["es_trading_income_share", "es_grant_share", "es_revenue_sources"],
    versions: {
      en: {
        title: "From grants to earned income: a two-year plan",
        summary: "How NGOs in the region move to selling goods and services without abandoning their mission.",
        body: `Many social enterprises in Central Asia began as public associations funded by grants. Moving to earned income is a plan, not a leap.

**Year one.** List what you already do that someone would pay for: trainings, catering, translation, sewing, consulting to international projects. Price one service at cost plus 15% and sell it to organisations, not to your beneficiaries. Target: 20% of income from sales.

**Year two.** Register a separate LLP (or use your association's right to run business activities, where the law allows), open a second product line, and sign one contract with a local akimat or company. Target: 50% from sales, no single grant above 30%.

Track the share of income from sales and from grants every quarter: these are two questions of the rating, and the first thing a lender will ask.`,
      },
      ru: {
        title: "От грантов к собственному доходу: план на два года",
        summary: "Как НКО региона переходят к продаже товаров и услуг, не отказываясь от миссии.",
        body: `Многие социальные предприятия Центральной Азии начинались как общественные объединения на грантах. Переход к собственному доходу — это план, а не прыжок.

**Первый год.** Перечислите, что вы уже делаете и за что кто-то готов платить: тренинги, кейтеринг, переводы, пошив, консультации для международных проектов. Назначьте цену на одну услугу — себестоимость плюс 15% — и продавайте её организациям, а не вашим благополучателям. Цель: 20% дохода от продаж.

**Второй год.** Зарегистрируйте отдельное ТОО/ОсОО (или используйте право объединения вести предпринимательскую деятельность, где это позволяет закон), откройте вторую линейку продуктов и подпишите один договор с местным акиматом или компанией. Цель: 50% от продаж, ни один грант не больше 30%.

Отслеживайте долю дохода от продаж и от грантов каждый квартал: это два вопроса рейтинга и первое, о чём спросит кредитор.`,
      },
      uz: {
        title: "Grantlardan o'z daromadiga: ikki yillik reja",
        summary: "Mintaqadagi NNTlar missiyadan voz kechmasdan tovar va xizmat sotishga qanday o'tadi.",
        body: `**Birinchi yil.** Allaqachon qilayotgan va kimdir pul to'laydigan ishlaringizni sanab chiqing: treninglar, ovqat tayyorlash, tarjima, tikuvchilik. Bitta xizmatga tannarx plyus 15% narx qo'ying va uni tashkilotlarga soting. Maqsad: daromadning 20% sotuvdan.

**Ikkinchi yil.** Alohida MChJ ro'yxatdan o'tkazing, ikkinchi mahsulot yo'nalishini oching va mahalliy hokimiyat yoki kompaniya bilan bitta shartnoma tuzing. Maqsad: 50% sotuvdan, hech bir grant 30% dan oshmasin.`,
      },
    },
  },
  {
    slug: "twelve-month-budget-template",
    format: "template",
    level: "beginner",
    country: null,
    dimensions: ["economic_sustainability"],
    questionIds: ["es_business_plan", "es_financial_result", "es_reserve_months"],
    versions: {
      en: {
        title: "Template: a 12-month budget and cash plan",
        summary: "A one-sheet budget with months across and income and costs down, plus how to use it every month.",
        body: `Put the twelve months across the top and these rows down the side:

| Income | Costs |
| --- | --- |
| Sales of goods | Salaries and social contributions |
| Sales of services | Rent and utilities |
| Contracts (akimat, companies) | Materials |
| Grants (only signed ones) | Transport |
| Other | Taxes, bank fees, reserve |

**Rules.** Count a grant only once it is signed. Add a "reserve" cost line of 5% of income until you hold three months of running costs. Compare plan and actual on the 5th of each month and write one sentence on the gap.

A budget and plan for the next twelve months is one of the rating's questions, and the base of any loan application to a microfinance organisation.`,
      },
      ru: {
        title: "Шаблон: бюджет и план движения денег на 12 месяцев",
        summary: "Бюджет на одном листе: месяцы по горизонтали, доходы и расходы по вертикали, и как работать с ним каждый месяц.",
        body: `По горизонтали — двенадцать месяцев, по вертикали — строки:

| Доходы | Расходы |
| --- | --- |
| Продажа товаров | Зарплаты и социальные отчисления |
| Продажа услуг | Аренда и коммунальные услуги |
| Договоры (акимат, компании) | Материалы |
| Гранты (только подписанные) | Транспорт |
| Прочее | Налоги, комиссии банка, резерв |

**Правила.** Учитывайте грант только после подписания договора. Добавьте строку «резерв» — 5% дохода, пока не накопите расходы на три месяца. Сравнивайте план и факт 5-го числа каждого месяца и записывайте одно предложение о расхождении.

Бюджет и план на ближайшие двенадцать месяцев — один из вопросов рейтинга и основа любой заявки на кредит в микрофинансовой организации.`,
      },
      tg: {
        title: "Намуна: буҷети 12-моҳа",
        summary: "Буҷет дар як варақ: моҳҳо ба уфуқ, даромад ва хароҷот ба амуд.",
        body: `Дар боло дувоздаҳ моҳро нависед, дар паҳлӯ сатрҳои даромад (фурӯши мол, фурӯши хизматрасонӣ, шартномаҳо, грантҳои имзошуда) ва хароҷот (музди меҳнат, иҷора, мавод, нақлиёт, андоз, захира).

**Қоидаҳо.** Грантро танҳо пас аз имзо ҳисоб кунед. То он даме ки хароҷоти се моҳро ҷамъ накунед, 5% даромадро ба захира гузоред. Ҳар моҳ нақша ва воқеиятро муқоиса кунед.`,
      },
    },
  },
  {
    slug: "building-a-cash-reserve",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["economic_sustainability"],
    questionIds: ["es_reserve_months", "es_financial_result"],
    versions: {
      ru: {
        title: "Как накопить резерв на три месяца",
        summary: "Резерв спасает предприятие, когда задерживают оплату по госконтракту или урожай не удался.",
        body: `В Центральной Азии задержки оплаты по договорам с государственными органами на два-три месяца — обычное дело. Предприятие без резерва в это время берёт дорогой кредит или не платит зарплату.

**Как считать.** Резерв = ежемесячные обязательные расходы (зарплаты, налоги, аренда) × число месяцев. Цель — три месяца.

**Как копить.** Откройте отдельный депозит в банке, куда автоматически уходит 5% каждого поступления. Не трогайте его ради «выгодной закупки». Направляйте туда часть неожиданных поступлений: возврат НДС, премию по конкурсу.

**Когда тратить.** Только на обязательные расходы в кассовый разрыв — и сразу запишите, из чего вы его восполните.`,
      },
      en: {
        title: "Building a three-month cash reserve",
        summary: "A reserve saves the enterprise when a state contract pays late or a harvest fails.",
        body: `In Central Asia, payments on contracts with public bodies arriving two or three months late are common. An enterprise without a reserve then takes an expensive loan or misses payroll.

**How much.** Reserve = monthly unavoidable costs (salaries, taxes, rent) × months. Aim for three.

**How to save.** Open a separate bank deposit that automatically receives 5% of every payment in. Do not use it for a "good deal" on supplies. Send part of any windfall there: a VAT refund, a competition prize.

**When to spend it.** Only on unavoidable costs during a cash gap, and write down at once how you will refill it.`,
      },
    },
  },
  {
    slug: "fair-wages-and-contracts",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["economic_sustainability", "inclusion"],
    questionIds: ["es_fair_wages", "es_written_contracts", "es_social_insurance", "in_equal_pay"],
    versions: {
      en: {
        title: "Decent work basics: wages, contracts and social insurance",
        summary: "Why a social enterprise that pays informally loses points, trust and its people, and how to formalise step by step.",
        body: `A social enterprise that employs vulnerable people informally leaves them without a pension, sick pay or protection. It also cannot enter a national register of social enterprises.

**Step 1: written contracts.** Every employee, including part-time and seasonal, gets a written employment contract in a language they read, stating pay, hours and duties.

**Step 2: at least the minimum wage, on time.** Check the current national minimum wage each January (it changes yearly in every country of the region). Pay on a fixed date.

**Step 3: contributions.** Register staff with the pension and social insurance funds and pay contributions monthly. Budget 10–25% on top of gross pay, depending on the country.

**Step 4: equal pay.** List jobs and pay side by side; a woman and a man doing the same work should earn the same.`,
      },
      ru: {
        title: "Основы достойной работы: зарплата, договоры и соцстрахование",
        summary: "Почему социальное предприятие, платящее «в конверте», теряет баллы, доверие и людей, и как легализоваться шаг за шагом.",
        body: `Социальное предприятие, которое неофициально нанимает уязвимых людей, оставляет их без пенсии, больничных и защиты. Оно также не может попасть в национальный реестр социальных предприятий.

**Шаг 1: письменные договоры.** Каждый сотрудник, включая работающих неполный день и сезонных, получает письменный трудовой договор на понятном ему языке: оплата, часы, обязанности.

**Шаг 2: не ниже минимальной зарплаты и вовремя.** Каждый январь проверяйте действующий размер МЗП (он меняется ежегодно во всех странах региона). Платите в фиксированный день.

**Шаг 3: отчисления.** Зарегистрируйте сотрудников в пенсионном фонде и фонде социального страхования и платите взносы ежемесячно. Закладывайте 10–25% сверх начисленной зарплаты в зависимости от страны.

**Шаг 4: равная оплата.** Сведите должности и зарплаты в одну таблицу: женщина и мужчина на одинаковой работе должны получать одинаково.`,
      },
      ky: {
        title: "Татыктуу эмгектин негиздери: эмгек акы, келишим жана социалдык камсыздандыруу",
        summary: "Расмий эмес төлөгөн социалдык ишкана эмне үчүн ишенимди жана адамдарын жоготот.",
        body: `**1-кадам: жазуу жүзүндөгү келишим.** Ар бир кызматкер түшүнгөн тилдеги эмгек келишимин алат.

**2-кадам: эң аз эмгек акыдан төмөн эмес жана өз убагында.** Ар жылы январда эң аз эмгек акынын өлчөмүн текшериңиз.

**3-кадам: төгүмдөр.** Кызматкерлерди Социалдык фондго каттап, төгүмдөрдү ай сайын төлөңүз.

**4-кадам: бирдей эмгек акы.** Бирдей ишти аткарган аял менен эркек бирдей алышы керек.`,
      },
    },
  },
  {
    slug: "costing-and-pricing-products",
    format: "course",
    level: "intermediate",
    country: null,
    dimensions: ["economic_sustainability"],
    questionIds: ["es_financial_result", "es_profit_reinvested", "es_business_plan"],
    versions: {
      en: {
        title: "Short course: costing and pricing in four evenings",
        summary: "Four one-hour lessons with exercises: full cost, price, break-even and what to do with the profit.",
        body: `**Evening 1 — Full cost.** Materials are not the cost. Add labour at the real wage, a share of rent, transport, packaging, losses and taxes. Exercise: cost one felt slipper, one loaf, one hour of training.

**Evening 2 — Price.** Look at three competitors in the bazaar and online; decide whether you sell on quality, story or price. Never price below full cost "because it is social".

**Evening 3 — Break-even.** Fixed costs ÷ (price − variable cost per unit) = units to sell each month. Exercise: is it realistic in your town?

**Evening 4 — Profit and mission.** Decide in advance what share of profit goes back into the mission (the rating asks), what to the reserve, what to owners. Write it down and report it yearly.`,
      },
      ru: {
        title: "Короткий курс: себестоимость и цена за четыре вечера",
        summary: "Четыре урока по часу с упражнениями: полная себестоимость, цена, точка безубыточности и что делать с прибылью.",
        body: `**Вечер 1 — Полная себестоимость.** Материалы — это ещё не себестоимость. Добавьте труд по реальной ставке, долю аренды, транспорт, упаковку, потери и налоги. Упражнение: посчитайте одну пару войлочных тапочек, одну буханку, один час тренинга.

**Вечер 2 — Цена.** Посмотрите на трёх конкурентов на базаре и в интернете; решите, на чём вы продаёте — качестве, истории или цене. Никогда не ставьте цену ниже полной себестоимости «потому что это социальное».

**Вечер 3 — Безубыточность.** Постоянные расходы ÷ (цена − переменные расходы на единицу) = сколько единиц продавать в месяц. Упражнение: реально ли это в вашем городе?

**Вечер 4 — Прибыль и миссия.** Решите заранее, какая доля прибыли возвращается в миссию (рейтинг об этом спрашивает), какая — в резерв, какая — собственникам. Запишите это и отчитывайтесь каждый год.`,
      },
    },
  },
  {
    slug: "social-procurement-tajikistan",
    format: "case_study",
    level: "advanced",
    country: "TJ",
    dimensions: ["economic_sustainability", "ecosystem_partnership"],
    questionIds: ["es_revenue_sources", "ep_policy_dialogue", "ep_partners"],
    versions: {
      tg: {
        title: "Кейс: шартномаи аввалин бо ҳукумати маҳаллӣ дар Душанбе",
        summary: "Чӣ тавр як коргоҳи дӯзандагӣ барои мактабҳо либоси мактабӣ дӯхт ва манбаи нави даромад ёфт.",
        body: `Коргоҳе дар Душанбе, ки занони маъюбро кор мефармояд, солҳо танҳо аз фурӯш дар бозор зиндагӣ мекард. Пас аз қабули Қонуни соҳибкории иҷтимоӣ (2025) он ба феҳристи корхонаҳои иҷтимоӣ дохил шуд ва дар озмуни хариди давлатӣ барои либоси мактабӣ иштирок кард.

**Чӣ ёрӣ дод:** ҳисоботи шаффофи молиявӣ, сертификати сифат ва ҳамкорӣ бо ду коргоҳи дигар барои иҷрои ҳаҷми калон.

**Натиҷа:** шартномаи яксола, 12 ҷои кори нав ва се манбаи даромад ба ҷои як.`,
      },
      ru: {
        title: "Кейс: первый контракт с местной властью в Душанбе",
        summary: "Как швейный цех сшил школьную форму для школ города и нашёл новый источник дохода.",
        body: `Цех в Душанбе, где работают женщины с инвалидностью, годами жил только продажами на базаре. После принятия Закона о социальном предпринимательстве (2025) он вошёл в реестр социальных предприятий и участвовал в государственной закупке школьной формы.

**Что помогло:** прозрачная финансовая отчётность, сертификат качества и партнёрство с двумя другими цехами, чтобы выполнить большой объём. Директор дважды участвовал в рабочих встречах хукумата по закупкам и заранее узнал требования.

**Итог:** годовой контракт, 12 новых рабочих мест и три источника дохода вместо одного.`,
      },
    },
  },
  // --- Governance and transparency -----------------------------------------------------------
  {
    slug: "publishing-your-finances",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["governance_transparency"],
    questionIds: ["gt_financial_openness", "gt_annual_report"],
    versions: {
      en: {
        title: "Opening your finances without giving away secrets",
        summary: "What to publish (income by source, use of profit, salaries by band) and what can stay private.",
        body: `The civil-society principles behind Ortaq ask for openness of finances. That does not mean publishing your supplier prices.

**Publish every year:** total income and its sources (sales, grants, donations, contracts); total costs by main category; profit and how it was used; the number of staff and the pay range; any money from public bodies.

**Keep private:** individual salaries, supplier terms, personal data of beneficiaries.

**Where:** a page on your website, a post in your channel, and your annual report. Keep the last three years online. A simple table is more credible than a glossy brochure.`,
      },
      ru: {
        title: "Открытые финансы без раскрытия коммерческой тайны",
        summary: "Что публиковать (доходы по источникам, использование прибыли, вилки зарплат) и что можно не раскрывать.",
        body: `Принципы гражданского общества, на которых основан Ortaq, требуют открытости финансов. Это не значит публиковать цены ваших поставщиков.

**Публикуйте ежегодно:** общий доход и его источники (продажи, гранты, пожертвования, контракты); расходы по основным статьям; прибыль и её использование; число сотрудников и диапазон зарплат; любые средства от государственных органов.

**Можно не раскрывать:** индивидуальные зарплаты, условия поставщиков, персональные данные благополучателей.

**Где:** страница на сайте, пост в вашем канале и годовой отчёт. Держите в открытом доступе последние три года. Простая таблица вызывает больше доверия, чем глянцевая брошюра.`,
      },
      kk: {
        title: "Коммерциялық құпияны ашпай қаржыны ашық ету",
        summary: "Нені жариялау керек және нені жария етпеуге болады.",
        body: `**Жыл сайын жариялаңыз:** жалпы табыс және оның көздері; негізгі баптар бойынша шығыстар; пайда және оны пайдалану; қызметкерлер саны мен жалақы ауқымы; мемлекеттік органдардан түскен қаражат.

**Жария етпеуге болады:** жеке жалақылар, жеткізушілердің шарттары, пайда алушылардың дербес деректері.

Соңғы үш жылдың деректерін сайтта ұстаңыз.`,
      },
    },
  },
  {
    slug: "conflict-of-interest-policy",
    format: "template",
    level: "beginner",
    country: null,
    dimensions: ["governance_transparency"],
    questionIds: ["gt_conflict_of_interest", "gt_anti_corruption"],
    versions: {
      en: {
        title: "Template: conflict-of-interest and anti-corruption policy",
        summary: "A two-page policy a small enterprise can adopt at its next board or general meeting.",
        body: `**1. Scope.** This policy applies to founders, board members, staff and volunteers.

**2. Declaring interests.** Anyone who, or whose close relative, has an interest in a supplier, customer, grantee or job candidate declares it in writing before the decision and takes no part in it.

**3. Gifts.** No gifts or hospitality above the value of a meal are accepted from anyone seeking a decision from us. Customary small gifts at Nauryz or New Year are recorded in a gift register.

**4. Payments.** We make no unofficial payments to officials, inspectors or anyone else, to obtain or speed up anything. If asked, staff refuse and tell the director, who records it.

**5. Records.** Declarations and the gift register are kept for five years and reviewed once a year by the board.

Adopt it by a signed decision and give every new staff member a copy.`,
      },
      ru: {
        title: "Шаблон: политика о конфликте интересов и противодействии коррупции",
        summary: "Политика на двух страницах, которую небольшое предприятие может принять на ближайшем собрании.",
        body: `**1. Сфера.** Политика распространяется на учредителей, членов правления, сотрудников и волонтёров.

**2. Декларирование интересов.** Тот, у кого (или у чьего близкого родственника) есть интерес в поставщике, клиенте, грантополучателе или кандидате на работу, письменно сообщает об этом до решения и не участвует в нём.

**3. Подарки.** Мы не принимаем подарки и угощения дороже обеда от тех, кто ждёт от нас решения. Небольшие традиционные подарки на Наурыз или Новый год записываются в журнал подарков.

**4. Платежи.** Мы не делаем неофициальных платежей чиновникам, проверяющим или кому-либо ещё, чтобы получить или ускорить что-либо. Если просят — сотрудник отказывает и сообщает директору, который это фиксирует.

**5. Записи.** Декларации и журнал подарков хранятся пять лет и раз в год проверяются правлением.

Примите политику подписанным решением и выдайте копию каждому новому сотруднику.`,
      },
    },
  },
  {
    slug: "setting-up-an-advisory-board",
    format: "guide",
    level: "intermediate",
    country: null,
    dimensions: ["governance_transparency"],
    questionIds: ["gt_governing_body", "gt_accountability"],
    versions: {
      ru: {
        title: "Наблюдательный совет для небольшого предприятия",
        summary: "Когда решения принимает один основатель, риски растут. Как собрать совет из трёх-пяти человек.",
        body: `В большинстве молодых социальных предприятий все решения принимает основатель. Это быстро, но рискованно: никто не задаёт неудобных вопросов, а доноры и банки видят «предприятие одного человека».

**Состав.** Три-пять человек: бухгалтер или финансист, представитель благополучателей (например, родитель ребёнка с инвалидностью), человек из бизнеса, иногда — из местного самоуправления. Не только друзья и родственники.

**Порядок.** Встречи раз в квартал, повестка за неделю, протокол. Совет утверждает бюджет, годовой отчёт и зарплату директора.

**Полномочия.** Запишите в устав или положение, какие решения без совета принимать нельзя. Это и есть подотчётность, о которой спрашивает рейтинг.`,
      },
      en: {
        title: "An advisory board for a small enterprise",
        summary: "When one founder takes every decision, risks grow. How to form a board of three to five people.",
        body: `In most young social enterprises the founder decides everything. It is fast but risky: nobody asks awkward questions, and funders and banks see a "one-person enterprise".

**Who.** Three to five people: an accountant, a representative of beneficiaries (for example a parent of a child with a disability), someone from business, sometimes someone from local self-government. Not only friends and relatives.

**How.** Quarterly meetings, an agenda a week ahead, minutes. The board approves the budget, the annual report and the director's pay.

**Powers.** Write down in the charter or a by-law which decisions cannot be taken without the board. That is the accountability the rating asks about.`,
      },
      uz: {
        title: "Kichik korxona uchun kuzatuv kengashi",
        summary: "Barcha qarorlarni bitta asoschi qabul qilsa, xavf ortadi. 3–5 kishilik kengashni qanday tuzish kerak.",
        body: `**Tarkibi.** Uch-besh kishi: buxgalter, foyda oluvchilar vakili, biznesdan kimdir, ba'zan mahalla yoki hokimiyatdan. Faqat do'stlar va qarindoshlar emas.

**Tartib.** Har chorakda yig'ilish, bir hafta oldin kun tartibi, bayonnoma. Kengash byudjet, yillik hisobot va direktor maoshini tasdiqlaydi.

**Vakolatlar.** Qaysi qarorlarni kengashsiz qabul qilib bo'lmasligini ustavga yozing.`,
      },
    },
  },
  {
    slug: "personal-data-protection-basics",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["governance_transparency"],
    questionIds: ["gt_data_protection"],
    versions: {
      en: {
        title: "Protecting beneficiaries' personal data",
        summary:
          "Lists of people with disabilities, HIV status, migrants' documents: what the law requires and a simple written procedure.",
        body: `Every country of the region has a personal data law (Kazakhstan 2013, Kyrgyzstan 2008, Uzbekistan 2019, Tajikistan 2018, among others). Social enterprises often hold very sensitive data: diagnoses, disability groups, criminal records, migration status.

**A one-page procedure:**
- Collect only what you need, with written consent that says why.
- Keep paper files in a locked cabinet and digital files in a password-protected folder, not in a group chat.
- Name one person responsible.
- Never publish photos or stories without separate consent.
- Delete data you no longer need, once a year.

Adopt the procedure by a signed decision: a written procedure is what the rating asks for.`,
      },
      ru: {
        title: "Защита персональных данных благополучателей",
        summary: "Списки людей с инвалидностью, ВИЧ-статус, документы мигрантов: что требует закон и простая письменная процедура.",
        body: `В каждой стране региона есть закон о персональных данных. Социальные предприятия часто хранят очень чувствительные сведения: диагнозы, группы инвалидности, судимости, миграционный статус.

**Процедура на одной странице:**
- Собирайте только необходимое, с письменным согласием, где сказано зачем.
- Бумажные дела — в запирающемся шкафу, электронные — в защищённой паролем папке, а не в групповом чате.
- Назначьте одного ответственного.
- Никогда не публикуйте фото и истории без отдельного согласия.
- Раз в год удаляйте данные, которые больше не нужны.

Утвердите процедуру подписанным решением: именно письменную процедуру спрашивает рейтинг.`,
      },
    },
  },
  {
    slug: "registering-as-a-social-enterprise-kazakhstan",
    format: "guide",
    level: "intermediate",
    country: "KZ",
    dimensions: ["governance_transparency", "ecosystem_partnership"],
    questionIds: ["gt_registered", "ep_policy_dialogue"],
    versions: {
      ru: {
        title: "Как попасть в реестр социальных предприятий Казахстана",
        summary: "Кратко о категориях Предпринимательского кодекса и о том, какие документы подготовить.",
        body: `С 2021 года Предпринимательский кодекс Республики Казахстан признаёт субъекты социального предпринимательства, а уполномоченный орган ведёт их реестр. Включение в реестр открывает доступ к мерам государственной поддержки.

**Категории** (проверьте действующую редакцию кодекса): предприятия, создающие рабочие места для социально уязвимых слоёв населения; предприятия, реализующие товары, произведённые такими людьми; предприятия, оказывающие услуги в социальной сфере; предприятия, созданные в моногородах и сельской местности.

**Что подготовить:** справку о численности работников из уязвимых групп и их доле, штатное расписание, подтверждения статуса работников, сведения о видах деятельности.

**Совет.** Вносите данные в Ortaq в той же разбивке: рейтинг спрашивает о тех же людях, что и реестр.`,
      },
      kk: {
        title: "Қазақстанның әлеуметтік кәсіпкерлік тізіліміне қалай енуге болады",
        summary: "Кәсіпкерлік кодекстің санаттары және қандай құжаттар дайындау керектігі туралы қысқаша.",
        body: `2021 жылдан бастап Қазақстан Республикасының Кәсіпкерлік кодексі әлеуметтік кәсіпкерлік субъектілерін таниды, ал уәкілетті орган олардың тізілімін жүргізеді.

**Санаттар:** халықтың әлеуметтік осал топтары үшін жұмыс орындарын құратын кәсіпорындар; осындай адамдар өндірген тауарларды сататын кәсіпорындар; әлеуметтік салада қызмет көрсететін кәсіпорындар; моноқалалар мен ауылдық жерлерде құрылған кәсіпорындар.

**Не дайындау керек:** осал топтардан шыққан қызметкерлер саны мен үлесі туралы анықтама, штаттық кесте, қызметкерлердің мәртебесін растайтын құжаттар.`,
      },
      en: {
        title: "Getting onto Kazakhstan's register of social enterprises",
        summary: "The Entrepreneurial Code's categories in short, and which documents to prepare.",
        body: `Since 2021 Kazakhstan's Entrepreneurial Code recognises social entrepreneurship entities, and the authorised body keeps a register of them. Being on the register opens access to state support measures.

**Categories** (check the code's current wording): enterprises creating jobs for socially vulnerable groups; enterprises selling goods made by such people; enterprises providing services in the social sphere; enterprises created in single-industry towns and rural areas.

**Prepare:** a statement of the number and share of employees from vulnerable groups, the staff list, documents confirming employees' status, and your activities.

**Tip.** Enter your figures in Ortaq with the same breakdown: the rating asks about the same people as the register.`,
      },
    },
  },
  // --- Inclusion -----------------------------------------------------------------------------
  {
    slug: "hiring-people-with-disabilities",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["inclusion"],
    questionIds: ["in_staff_disability", "in_accessibility"],
    versions: {
      en: {
        title: "Hiring people with disabilities: a practical start",
        summary: "Where to find candidates, how to adapt a workplace for little money, and the first three months.",
        body: `**Finding candidates.** Local organisations of people with disabilities, rehabilitation centres and special schools know people looking for work. Employment centres hold lists too, and several countries subsidise workplaces or wages under disability quotas.

**Adapting the workplace.** Most adaptations are cheap: a ramp, a wider door, a chair at the right height, instructions with pictures, a quiet corner, flexible hours for medical visits. Ask the person what they need rather than guessing.

**The first three months.** Name a colleague as a buddy, agree goals for each month, and talk every week. Train the whole team in respectful language.

Count staff with disabilities separately in your records: both national registers and the rating ask for the share.`,
      },
      ru: {
        title: "Как нанимать людей с инвалидностью: практическое начало",
        summary: "Где искать кандидатов, как недорого приспособить рабочее место и что делать в первые три месяца.",
        body: `**Поиск кандидатов.** Местные общества людей с инвалидностью, реабилитационные центры и специальные школы знают тех, кто ищет работу. Списки есть и у центров занятости, а в ряде стран рабочие места или зарплаты по квоте субсидируются.

**Приспособление рабочего места.** Большинство изменений недороги: пандус, расширенная дверь, стул нужной высоты, инструкции с картинками, тихий угол, гибкий график для визитов к врачу. Спросите человека, что ему нужно, вместо того чтобы угадывать.

**Первые три месяца.** Назначьте коллегу-наставника, договоритесь о целях на каждый месяц и разговаривайте каждую неделю. Обучите всю команду уважительному языку.

Учитывайте сотрудников с инвалидностью отдельно: и национальные реестры, и рейтинг спрашивают об их доле.`,
      },
      ky: {
        title: "Мүмкүнчүлүгү чектелген адамдарды жумушка алуу",
        summary: "Талапкерлерди кайдан табуу жана жумуш ордун арзан ыңгайлаштыруу.",
        body: `**Талапкерлерди издөө.** Мүмкүнчүлүгү чектелген адамдардын жергиликтүү уюмдары, реабилитация борборлору жана атайын мектептер жумуш издегендерди билишет.

**Жумуш ордун ыңгайлаштыруу.** Көпчүлүк өзгөртүүлөр арзан: пандус, кеңири эшик, ылайыктуу отургуч, сүрөттүү нускамалар. Адамдан эмне керек экенин сураңыз.

**Алгачкы үч ай.** Кесиптеш-насаатчы дайындап, ар жума сайын сүйлөшүп туруңуз.`,
      },
    },
  },
  {
    slug: "women-in-leadership",
    format: "case_study",
    level: "intermediate",
    country: "UZ",
    dimensions: ["inclusion"],
    questionIds: ["in_women_leadership", "in_staff_women", "in_equal_pay"],
    versions: {
      uz: {
        title: "Keys: Farg'onadagi tikuvchilik kooperativida ayollar rahbariyati",
        summary: "Ayollar ishchi bo'lgan, lekin rahbarlar erkaklar bo'lgan kooperativ qanday o'zgardi.",
        body: `Farg'onadagi tikuvchilik kooperativida xodimlarning 85 foizi ayollar edi, ammo boshqaruvda bitta ham ayol yo'q edi. Ishchi ayollarning fikri qarorlarga yetib bormasdi.

**Nima qilindi:** har bir sexdan saylanadigan vakil ayollar uchun kengashda ikki o'rin; yosh ayollar uchun rahbarlik bo'yicha olti oylik dastur; bolalar bog'chasi bilan kelishuv orqali yig'ilishlar kunduzi o'tkaziladi.

**Natija:** ikki yildan keyin rahbariyatning yarmi ayollar, ishdan ketish ikki baravar kamaydi, mahsulot sifati bo'yicha shikoyatlar kamaydi.`,
      },
      ru: {
        title: "Кейс: женщины в руководстве швейного кооператива в Фергане",
        summary: "Как изменился кооператив, где работают женщины, а руководят мужчины.",
        body: `В швейном кооперативе в Фергане 85% работников — женщины, но в правлении не было ни одной. Мнение работниц не доходило до решений.

**Что сделали:** два места в правлении для представительниц, избираемых цехами; шестимесячная программа лидерства для молодых сотрудниц; собрания перенесли на дневное время по договорённости с детским садом.

**Итог:** через два года половина руководства — женщины, текучесть кадров снизилась вдвое, жалоб на качество стало меньше.`,
      },
      en: {
        title: "Case study: women in the leadership of a Fergana sewing cooperative",
        summary: "How a cooperative where women do the work but men lead it changed.",
        body: `In a sewing cooperative in Fergana, 85% of workers were women but none sat on the board. Workers' views did not reach decisions.

**What was done:** two board seats for representatives elected by the workshops; a six-month leadership programme for young women staff; meetings moved to daytime by arrangement with a kindergarten.

**Result:** two years later half of the leadership are women, staff turnover halved and quality complaints fell.`,
      },
    },
  },
  {
    slug: "serving-people-in-their-language",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["inclusion"],
    questionIds: ["in_languages", "in_beneficiary_groups"],
    versions: {
      en: {
        title: "Serving people in their own language",
        summary: "State language, Russian, minority languages and sign language: a simple language plan for your services.",
        body: `Across the region people speak the state language, Russian, and often a minority language (Uzbek in southern Kyrgyzstan and Tajikistan, Karakalpak, Pamiri languages, Dungan, Korean). Deaf people use sign language.

**A language plan:**
1. Ask new beneficiaries which language they prefer, and record it.
2. Translate your three most important documents (consent form, price list, complaint procedure) into every language that at least 10% of them prefer.
3. Hire or train at least one staff member per main language.
4. For deaf clients, learn basic signs and know a sign-language interpreter you can call.

Serving people in their language is how an enterprise actually reaches the groups it names in its mission.`,
      },
      ru: {
        title: "Обслуживать людей на их родном языке",
        summary: "Государственный язык, русский, языки меньшинств и жестовый язык: простой языковой план.",
        body: `В регионе говорят на государственном языке, на русском и часто на языке меньшинства (узбекский на юге Кыргызстана и в Таджикистане, каракалпакский, памирские языки, дунганский, корейский). Глухие люди пользуются жестовым языком.

**Языковой план:**
1. Спрашивайте новых благополучателей, какой язык им удобнее, и записывайте.
2. Переведите три главных документа (согласие, прайс-лист, порядок подачи жалоб) на каждый язык, который предпочитают хотя бы 10% из них.
3. Наймите или обучите хотя бы одного сотрудника на каждый основной язык.
4. Для глухих клиентов выучите базовые жесты и держите контакт сурдопереводчика.

Обслуживание на родном языке — это то, как предприятие действительно доходит до групп, названных в его миссии.`,
      },
    },
  },
  {
    slug: "youth-and-elders-together",
    format: "case_study",
    level: "beginner",
    country: "KZ",
    dimensions: ["inclusion", "social_impact"],
    questionIds: ["in_generations", "in_staff_vulnerable"],
    versions: {
      kk: {
        title: "Кейс: Шымкенттегі «Ата-әже мен немере» наубайханасы",
        summary: "Зейнеткерлер мен жастар бірге жұмыс істейтін наубайхана.",
        body: `Шымкенттегі шағын наубайханада зейнеткер әйелдер жас жігіттерге дәстүрлі нан пісіруді үйретеді. Жастардың көбі балалар үйінің түлектері.

**Қалай жұмыс істейді:** әр ауысымда бір тәжірибелі шебер және екі шәкірт; зейнеткерлер аптасына үш күн, икемді кестемен жұмыс істейді; жастар алты айдан кейін толық жалақы алады.

**Нәтиже:** үш жылда 24 жас кәсіп алды, олардың он бесі әлі де наубайханада немесе басқа наубайханаларда жұмыс істейді.`,
      },
      ru: {
        title: "Кейс: пекарня «Бабушки и внуки» в Шымкенте",
        summary: "Пекарня, где вместе работают пенсионерки и молодёжь.",
        body: `В небольшой пекарне в Шымкенте пенсионерки учат молодых ребят печь традиционный хлеб. Многие из ребят — выпускники детских домов.

**Как это устроено:** в каждой смене один опытный мастер и два ученика; пенсионерки работают три дня в неделю по гибкому графику; молодые получают полную зарплату через полгода.

**Итог:** за три года профессию получили 24 молодых человека, пятнадцать из них до сих пор работают в этой или других пекарнях. Обе группы — и молодёжь, и пожилые — вовлечены не как получатели помощи, а как работники.`,
      },
    },
  },
  {
    slug: "accessibility-audit-checklist",
    format: "template",
    level: "beginner",
    country: null,
    dimensions: ["inclusion"],
    questionIds: ["in_accessibility", "in_staff_disability"],
    versions: {
      ru: {
        title: "Чек-лист: доступность помещения и услуг",
        summary: "Двадцать пунктов, чтобы за час проверить, могут ли люди с инвалидностью пользоваться вашими услугами.",
        body: `Пройдите чек-лист вместе с человеком на коляске или незрячим человеком — они заметят больше.

**Вход:** пандус с уклоном не круче 1:12; дверь шириной от 90 см; звонок на высоте до 1 м; контрастная маркировка ступеней.

**Внутри:** проходы от 90 см; туалет, куда помещается коляска; поручни; стол обслуживания на высоте 70–80 см.

**Информация:** крупный шрифт; табличка с номером телефона и мессенджером для глухих; сайт, который читает экранный диктор; видео с субтитрами.

**Услуги:** можно ли получить услугу на дому или онлайн; знает ли персонал, как помочь; есть ли договорённость с сурдопереводчиком.

Отметьте, что исправите в этом году, и начните с дешёвого.`,
      },
      en: {
        title: "Checklist: accessible premises and services",
        summary: "Twenty points to check in an hour whether people with disabilities can use your services.",
        body: `Walk the checklist with a wheelchair user or a blind person: they will notice more.

**Entrance:** a ramp no steeper than 1:12; a door at least 90 cm wide; a bell no higher than 1 m; contrasting edges on steps.

**Inside:** passages of 90 cm or more; a toilet a wheelchair fits in; handrails; a service desk at 70–80 cm.

**Information:** large print; a phone number and messenger for deaf clients; a website a screen reader can read; subtitled videos.

**Services:** can the service be had at home or online; do staff know how to help; is there an arrangement with a sign-language interpreter.

Mark what you will fix this year and start with what is cheap.`,
      },
    },
  },
  // --- Ecosystem and partnership -------------------------------------------------------------
  {
    slug: "joining-a-network-of-social-entrepreneurs",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["ecosystem_partnership"],
    questionIds: ["ep_network_member", "ep_knowledge_sharing"],
    versions: {
      en: {
        title: "Why and how to join a network of social entrepreneurs",
        summary: "Associations, hubs and online communities in the region, and how to get value from membership.",
        body: `Networks give you what a small enterprise lacks: information about laws and grants, buyers, a voice in dialogue with government, and peers who solved your problem last year.

**Where to look.** National associations and alliances of social entrepreneurs, impact hubs and incubators in the capitals, business associations with a social-enterprise committee, and regional programmes of international organisations. Ortaq's forum is a start too.

**Getting value.** Attend two events a year, present your work once, answer one call for proposals together with other members, and share one thing you learned (a template, a supplier, a mistake).

Membership in a network is a question of the rating; sharing what you learn openly is another.`,
      },
      ru: {
        title: "Зачем и как вступать в сеть социальных предпринимателей",
        summary: "Ассоциации, хабы и онлайн-сообщества региона и как получить пользу от членства.",
        body: `Сети дают то, чего не хватает небольшому предприятию: информацию о законах и грантах, покупателей, голос в диалоге с государством и коллег, которые решили вашу проблему в прошлом году.

**Где искать.** Национальные ассоциации и альянсы социальных предпринимателей, импакт-хабы и инкубаторы в столицах, бизнес-ассоциации с комитетом по социальному предпринимательству, региональные программы международных организаций. Форум Ortaq — тоже начало.

**Как получить пользу.** Бывайте на двух мероприятиях в год, один раз представьте свою работу, подайте одну заявку на конкурс вместе с другими участниками и поделитесь одной находкой (шаблоном, поставщиком, ошибкой).

Членство в сети — вопрос рейтинга; открытый обмен знаниями — ещё один.`,
      },
      tg: {
        title: "Чаро ва чӣ тавр ба шабакаи соҳибкорони иҷтимоӣ ҳамроҳ шудан",
        summary: "Ассотсиатсияҳо, марказҳо ва ҷамоаҳои онлайн дар минтақа.",
        body: `Шабакаҳо он чизеро медиҳанд, ки корхонаи хурд надорад: маълумот дар бораи қонунҳо ва грантҳо, харидорон, овоз дар муколама бо давлат ва ҳамкасбон.

**Чӣ тавр фоида гирифтан.** Солона дар ду чорабинӣ иштирок кунед, як бор кори худро муаррифӣ кунед, як дархостро якҷоя бо аъзоёни дигар пешниҳод кунед ва як чизи омӯхтаатонро мубодила кунед.`,
      },
    },
  },
  {
    slug: "taking-part-in-policy-dialogue",
    format: "guide",
    level: "intermediate",
    country: null,
    dimensions: ["ecosystem_partnership"],
    questionIds: ["ep_policy_dialogue"],
    versions: {
      ru: {
        title: "Как участвовать в диалоге с государством",
        summary: "Общественные советы, обсуждения законопроектов и консультации: как сделать так, чтобы вас услышали.",
        body: `Законы о социальном предпринимательстве в регионе пишутся сейчас — в Казахстане, Таджикистане, обсуждаются в Кыргызстане и Узбекистане. Предприятия, которые участвуют в обсуждениях, влияют на то, какие льготы и требования в них будут.

**Каналы:** порталы открытых НПА (например, legalacts.egov.kz, koldo.gov.kg, regulation.gov.uz), общественные советы при министерствах и акиматах, рабочие группы парламента, консультации на форуме Ortaq.

**Как писать замечания:** одна проблема — одно предложение — одно обоснование с цифрами вашего предприятия. Ссылайтесь на конкретную статью. Объединяйтесь с другими предприятиями: коллективное письмо ассоциации весит больше.

Записывайте, в каких обсуждениях вы участвовали: рейтинг спрашивает, как часто это было за последний год.`,
      },
      en: {
        title: "Taking part in policy dialogue",
        summary: "Public councils, draft-law discussions and consultations: how to be heard.",
        body: `Social-entrepreneurship laws in the region are being written now: in Kazakhstan and Tajikistan, and under discussion in Kyrgyzstan and Uzbekistan. Enterprises that take part shape which benefits and requirements they contain.

**Channels:** open draft-law portals (such as legalacts.egov.kz, koldo.gov.kg, regulation.gov.uz), public councils of ministries and akimats, parliamentary working groups, and consultations in Ortaq's forum.

**Writing comments:** one problem, one proposal, one justification with your enterprise's figures. Cite the article. Join other enterprises: an association's joint letter weighs more.

Record which discussions you joined: the rating asks how often you did in the last year.`,
      },
    },
  },
  {
    slug: "finding-a-mentor-and-using-one-well",
    format: "guide",
    level: "beginner",
    country: null,
    dimensions: ["ecosystem_partnership"],
    questionIds: ["ep_mentorship", "ep_training_hours"],
    versions: {
      en: {
        title: "Getting the most from a mentor",
        summary: "Agree goals from your improvement plan, meet regularly, and write down what you decide.",
        body: `A mentor is not a consultant who does the work: they ask questions, share experience and open doors.

**Before the first meeting,** pick two or three items from your improvement plan and say what "done" would look like in three months.

**Each session** (an hour, every two to four weeks, online is fine): what happened since last time, one problem to think through, the next step and who does it. Log it in Ortaq against the plan item.

**After three to six months,** look at whether the dimension moved on your next assessment, and end with a short honest review from each side.

Taking part in mentorship counts in the rating's Ecosystem dimension, and so do the hours your team spends learning.`,
      },
      ru: {
        title: "Как получить максимум от наставника",
        summary: "Согласуйте цели из плана улучшений, встречайтесь регулярно и записывайте решения.",
        body: `Наставник — не консультант, который делает работу за вас: он задаёт вопросы, делится опытом и открывает двери.

**До первой встречи** выберите два-три пункта из плана улучшений и опишите, как будет выглядеть «сделано» через три месяца.

**Каждая встреча** (час, раз в две-четыре недели, можно онлайн): что произошло с прошлого раза, одна задача, которую нужно обдумать, следующий шаг и кто его делает. Записывайте встречу в Ortaq под пунктом плана.

**Через три-шесть месяцев** посмотрите, сдвинулось ли измерение в следующей оценке, и завершите короткими честными отзывами с обеих сторон.

Участие в наставничестве учитывается в измерении «Экосистема» рейтинга, как и часы обучения команды.`,
      },
      kk: {
        title: "Тәлімгерден барынша пайда алу",
        summary: "Жақсарту жоспарынан мақсаттар келісіп, тұрақты кездесіп, шешімдерді жазып отырыңыз.",
        body: `Тәлімгер — сіздің орныңызға жұмыс істейтін кеңесші емес: ол сұрақ қояды, тәжірибесімен бөліседі және есік ашады.

**Алғашқы кездесуге дейін** жақсарту жоспарынан екі-үш тармақ таңдаңыз.

**Әр кездесу** (бір сағат, екі-төрт аптада бір рет): соңғы кездесуден бері не болды, бір мәселе, келесі қадам. Кездесуді Ortaq-та жоспар тармағы бойынша жазыңыз.`,
      },
    },
  },
  {
    slug: "buying-local-supplier-map",
    format: "template",
    level: "beginner",
    country: null,
    dimensions: ["ecosystem_partnership", "environment_climate"],
    questionIds: ["ep_local_suppliers", "ep_partners"],
    versions: {
      ru: {
        title: "Шаблон: карта местных поставщиков",
        summary: "Таблица, чтобы увидеть, сколько вы покупаете у местных производителей, и где заменить импорт.",
        body: `Составьте таблицу по закупкам за прошлый год:

| Что покупаем | У кого | Откуда (город/район) | Сумма за год | Есть ли местная замена |
| --- | --- | --- | --- | --- |

**Как пользоваться.** Посчитайте долю закупок у поставщиков из вашей области — это вопрос рейтинга. Отметьте три позиции, где есть местная замена (шерсть, мука, упаковка, печать), и поговорите с этими поставщиками. Часто местный фермер или кооператив согласится на постоянный заказ по цене ниже розничной.

Местные закупки удерживают деньги в регионе, сокращают перевозки и создают партнёрства, которые пригодятся в трудный год.`,
      },
      en: {
        title: "Template: a local supplier map",
        summary: "A table that shows how much you buy from local producers, and where to replace imports.",
        body: `Make a table of last year's purchases:

| What we buy | From whom | Where from (town/district) | Amount per year | Local alternative? |
| --- | --- | --- | --- | --- |

**How to use it.** Work out the share of purchases from suppliers in your region: it is a question of the rating. Mark three items with a local alternative (wool, flour, packaging, printing) and talk to those suppliers. A local farmer or cooperative will often accept a standing order below retail price.

Buying locally keeps money in the region, cuts transport and builds partnerships that help in a hard year.`,
      },
    },
  },
  {
    slug: "partnering-with-business",
    format: "case_study",
    level: "intermediate",
    country: "MN",
    dimensions: ["ecosystem_partnership"],
    questionIds: ["ep_partners", "ep_knowledge_sharing"],
    versions: {
      en: {
        title: "Case study: a cashmere cooperative and a mining company in Mongolia",
        summary: "How herders' wives in Ömnögovi sell felt products through a company's procurement and staff shop.",
        body: `A cooperative of herders' families in Ömnögovi province makes felt and cashmere goods. Sales in Ulaanbaatar were irregular and transport expensive.

**The partnership.** A mining company operating in the province, looking to show local benefit, agreed to buy corporate gifts from the cooperative and to give it a stand in its staff shop. The company's procurement team helped the cooperative meet its supplier requirements: invoices, quality checks, delivery times.

**What made it work:** a written agreement for three years, a named contact on each side, and a yearly meeting to review prices. The cooperative now publishes a short guide for other cooperatives on becoming a corporate supplier.`,
      },
      ru: {
        title: "Кейс: кооператив по кашемиру и горнодобывающая компания в Монголии",
        summary: "Как жёны скотоводов в Умнеговь продают изделия из войлока через закупки компании.",
        body: `Кооператив семей скотоводов в аймаке Умнеговь делает изделия из войлока и кашемира. Продажи в Улан-Баторе были нерегулярными, а перевозка дорогой.

**Партнёрство.** Горнодобывающая компания, работающая в аймаке, согласилась покупать у кооператива корпоративные подарки и выделила ему место в магазине для сотрудников. Отдел закупок помог кооперативу выполнить требования к поставщикам: счета, контроль качества, сроки.

**Что сработало:** письменное соглашение на три года, назначенный контакт с каждой стороны и ежегодная встреча для пересмотра цен. Теперь кооператив публикует короткое руководство для других кооперативов о том, как стать поставщиком компании.`,
      },
    },
  },
  // --- Environment and climate ---------------------------------------------------------------
  {
    slug: "a-simple-environmental-policy",
    format: "template",
    level: "beginner",
    country: null,
    dimensions: ["environment_climate"],
    questionIds: ["ec_environmental_policy", "ec_waste", "ec_water_saving"],
    versions: {
      en: {
        title: "Template: an environmental policy on one page",
        summary: "Five commitments, each with an indicator, that a small enterprise can adopt and report on.",
        body: `**Our commitments**
1. **Energy** — we reduce electricity and coal use by 10% in two years (indicator: kWh and tonnes per year).
2. **Water** — we fix leaks within a week and reuse rinse water where safe (indicator: m³ per year).
3. **Waste** — we sort paper, plastic and metal and hand them to a recycler; we compost organic waste (indicator: share of waste sorted).
4. **Materials** — we prefer local and recycled materials (indicator: share of purchases).
5. **Climate** — we consider climate risks (heat, drought, mudflows) in our plans.

**Responsibility.** One named person reviews the indicators every six months; the results go into the annual report.

A written policy is a question of the rating and often a requirement of European buyers and funders.`,
      },
      ru: {
        title: "Шаблон: экологическая политика на одной странице",
        summary: "Пять обязательств с показателями, которые небольшое предприятие может принять и отчитываться по ним.",
        body: `**Наши обязательства**
1. **Энергия** — сокращаем потребление электричества и угля на 10% за два года (показатель: кВт·ч и тонны в год).
2. **Вода** — устраняем протечки в течение недели и повторно используем воду после полоскания, где это безопасно (показатель: м³ в год).
3. **Отходы** — сортируем бумагу, пластик и металл и сдаём переработчику; компостируем органику (показатель: доля отсортированных отходов).
4. **Материалы** — предпочитаем местные и переработанные материалы (показатель: доля закупок).
5. **Климат** — учитываем климатические риски (жара, засуха, сели) в планах.

**Ответственность.** Назначенный сотрудник раз в полгода проверяет показатели; итоги входят в годовой отчёт.

Письменная политика — вопрос рейтинга и часто требование европейских покупателей и доноров.`,
      },
      uz: {
        title: "Shablon: bir sahifalik ekologik siyosat",
        summary: "Kichik korxona qabul qilishi mumkin bo'lgan besh majburiyat.",
        body: `1. **Energiya** — ikki yilda elektr va ko'mir sarfini 10% ga kamaytiramiz.
2. **Suv** — oqishlarni bir hafta ichida tuzatamiz.
3. **Chiqindilar** — qog'oz, plastik va metallni saralab, qayta ishlovchiga topshiramiz.
4. **Materiallar** — mahalliy va qayta ishlangan materiallarni afzal ko'ramiz.
5. **Iqlim** — rejalarimizda iqlim xavflarini (issiqlik, qurg'oqchilik, sel) hisobga olamiz.

Bir mas'ul xodim har olti oyda ko'rsatkichlarni tekshiradi.`,
      },
    },
  },
  {
    slug: "solar-for-small-workshops",
    format: "guide",
    level: "intermediate",
    country: null,
    dimensions: ["environment_climate", "economic_sustainability"],
    questionIds: ["ec_energy_measures", "ec_renewable_share"],
    versions: {
      ru: {
        title: "Солнечные панели для небольшого цеха",
        summary: "Когда солнечная станция окупается, сколько стоит и какие есть программы поддержки.",
        body: `В Центральной Азии 250–300 солнечных дней в году, а отключения электричества зимой — обычное дело. Для цеха или теплицы солнечная станция может быть и экологичной, и выгодной.

**Сначала — экономия.** Светодиодные лампы, утепление, замена старых моторов часто дают 20–30% экономии дешевле любых панелей.

**Расчёт.** Посмотрите счета за год, посчитайте дневное потребление в кВт·ч. Станция на 5 кВт даёт около 20–25 кВт·ч в солнечный день. Срок окупаемости зависит от тарифа: при низких тарифах — дольше, зато вы получаете независимость от отключений.

**Поддержка.** Ищите программы зелёного кредитования банков развития и микрофинансовых организаций (часто с льготной ставкой) и закон о возобновляемых источниках вашей страны — некоторые позволяют продавать излишки в сеть.

Записывайте долю возобновляемой энергии: это вопрос рейтинга.`,
      },
      en: {
        title: "Solar panels for a small workshop",
        summary: "When a solar installation pays back, what it costs, and which support programmes exist.",
        body: `Central Asia has 250–300 sunny days a year, and winter power cuts are common. For a workshop or greenhouse a solar installation can be both green and good business.

**Save first.** LED lighting, insulation and replacing old motors often save 20–30% for less than any panel.

**Work it out.** Take a year of bills and compute daily use in kWh. A 5 kW installation gives about 20–25 kWh on a sunny day. Payback depends on the tariff: longer where tariffs are low, but you gain independence from power cuts.

**Support.** Look for green lending programmes of development banks and microfinance organisations (often at a reduced rate) and your country's renewable energy law: some let you sell surplus to the grid.

Record the share of renewable energy you use: it is a question of the rating.`,
      },
    },
  },
  {
    slug: "waste-sorting-and-recycling-partners",
    format: "guide",
    level: "beginner",
    country: "KG",
    dimensions: ["environment_climate"],
    questionIds: ["ec_waste"],
    versions: {
      ky: {
        title: "Калдыктарды сорттоо жана кайра иштетүүчүлөр менен өнөктөштүк",
        summary: "Бишкекте жана Ошто кагаз, пластик жана металлды кантип сорттоп тапшырса болот.",
        body: `Шаарларда кагаз, ПЭТ-бөтөлкөлөр жана металл кабыл алуучу пункттар бар. Кичинекей ишкана үчүн да сорттоо кыйын эмес.

**Кантип баштоо керек:** үч контейнер (кагаз, пластик, металл) жана тамак-аш калдыктары үчүн бирөө; ар бир контейнерге сүрөттүү жазуу; кызматкерлерге он мүнөттүк түшүндүрмө.

**Өнөктөштөр:** жергиликтүү кабыл алуу пункттары, кайра иштетүүчү социалдык ишканалар жана компост кылган фермерлер.

Айына канча килограмм тапшырганыңызды жазып туруңуз.`,
      },
      ru: {
        title: "Сортировка отходов и партнёры по переработке",
        summary: "Как в Бишкеке и Оше сортировать и сдавать бумагу, пластик и металл.",
        body: `В городах есть пункты приёма макулатуры, ПЭТ-бутылок и металла, а также социальные предприятия, перерабатывающие пластик. Даже для маленького предприятия сортировка несложна.

**С чего начать:** три контейнера (бумага, пластик, металл) и один для пищевых отходов; подписи с картинками на каждом; десятиминутное объяснение сотрудникам.

**Партнёры:** пункты приёма, предприятия-переработчики (многие сами забирают от 50 кг) и фермеры, которые компостируют органику.

Записывайте, сколько килограммов в месяц вы сдаёте: это пригодится и для рейтинга, и для отчёта.`,
      },
    },
  },
  {
    slug: "climate-risk-for-farmers-and-workshops",
    format: "course",
    level: "intermediate",
    country: null,
    dimensions: ["environment_climate"],
    questionIds: ["ec_climate_risk", "ec_water_saving"],
    versions: {
      en: {
        title: "Short course: climate risks for your enterprise",
        summary: "Three lessons on heat, drought, mudflows and glacier melt, and a simple risk table to fill in.",
        body: `Central Asia is warming faster than the world average; glaciers in the Tien Shan and Pamir are shrinking and droughts are more frequent.

**Lesson 1 — What could happen to us.** Heat waves (staff health, spoiled goods), drought and water limits (farms, food processing), mudflows and floods (premises, roads), harsher winters (heating costs, power cuts).

**Lesson 2 — A risk table.** For each risk: how likely (low/medium/high), how bad (low/medium/high), what we do now, what we will do. Example: drought, high, high — drip irrigation, drought-resistant seed, water storage.

**Lesson 3 — Adapting.** Insurance where available, a second supplier in another district, shifting working hours in summer, saving water.

Having considered climate risks is a question of the rating; the table is your evidence.`,
      },
      ru: {
        title: "Короткий курс: климатические риски для вашего предприятия",
        summary: "Три урока о жаре, засухе, селях и таянии ледников и простая таблица рисков.",
        body: `Центральная Азия нагревается быстрее среднего по миру; ледники Тянь-Шаня и Памира сокращаются, засухи случаются чаще.

**Урок 1 — Что может случиться с нами.** Жара (здоровье сотрудников, порча товара), засуха и лимиты воды (фермы, переработка продуктов), сели и паводки (помещения, дороги), более суровые зимы (отопление, отключения электричества).

**Урок 2 — Таблица рисков.** Для каждого риска: вероятность (низкая/средняя/высокая), ущерб (низкий/средний/высокий), что делаем сейчас, что будем делать. Пример: засуха — высокая — высокий — капельное орошение, засухоустойчивые семена, хранение воды.

**Урок 3 — Адаптация.** Страхование, где оно есть, второй поставщик в другом районе, смещение рабочих часов летом, экономия воды.

Учёт климатических рисков — вопрос рейтинга; таблица — ваше подтверждение.`,
      },
      tg: {
        title: "Курси кӯтоҳ: хатарҳои иқлимӣ барои корхонаи шумо",
        summary: "Се дарс дар бораи гармо, хушксолӣ, сел ва обшавии пиряхҳо.",
        body: `Осиёи Марказӣ аз миёнаи ҷаҳонӣ тезтар гарм мешавад; пиряхҳои Помир кам мешаванд.

**Дарси 1.** Чӣ метавонад рӯй диҳад: гармо, хушксолӣ, сел, зимистони сахт.

**Дарси 2.** Ҷадвали хатарҳо: эҳтимолият, зарар, чораҳои ҳозира ва оянда.

**Дарси 3.** Мутобиқшавӣ: суғурта, таъминкунандаи дуюм, сарфаи об.`,
      },
    },
  },
  {
    slug: "measuring-your-carbon-footprint",
    format: "guide",
    level: "advanced",
    country: null,
    dimensions: ["environment_climate"],
    questionIds: ["ec_emissions_measured", "ec_energy_measures"],
    versions: {
      en: {
        title: "Measuring your greenhouse gas emissions, simply",
        summary: "Electricity, coal, fuel and flights: a spreadsheet method with the region's emission factors.",
        body: `You do not need software to measure your emissions. Most small enterprises' emissions come from four sources.

1. **Electricity** — kWh from your bills × the grid factor. Grids differ a lot: Kyrgyzstan's and Tajikistan's are mostly hydro (low factor), Kazakhstan's and Mongolia's mostly coal (high).
2. **Heating** — tonnes of coal or m³ of gas × their factors. In the region, coal heating is often the largest source.
3. **Transport** — litres of petrol and diesel × their factors.
4. **Flights** — distance × a factor per passenger-km.

Use published factors (the IPCC defaults, your country's national inventory) and write down which you used. Measure one year as a baseline, then set one reduction target. Measuring emissions is a question of the rating.`,
      },
      ru: {
        title: "Как просто измерить выбросы парниковых газов",
        summary: "Электричество, уголь, топливо и перелёты: метод в таблице с коэффициентами для региона.",
        body: `Для подсчёта выбросов не нужна специальная программа. У большинства небольших предприятий выбросы складываются из четырёх источников.

1. **Электричество** — кВт·ч из счетов × коэффициент сети. Сети сильно различаются: в Кыргызстане и Таджикистане в основном ГЭС (низкий коэффициент), в Казахстане и Монголии — уголь (высокий).
2. **Отопление** — тонны угля или м³ газа × их коэффициенты. В регионе угольное отопление часто крупнейший источник.
3. **Транспорт** — литры бензина и дизеля × коэффициенты.
4. **Перелёты** — расстояние × коэффициент на пассажиро-километр.

Используйте опубликованные коэффициенты (значения МГЭИК по умолчанию, национальный кадастр) и записывайте, какие взяли. Посчитайте один год как базовый, затем поставьте одну цель сокращения.`,
      },
    },
  },
  {
    slug: "saving-water-in-food-processing",
    format: "case_study",
    level: "beginner",
    country: "UZ",
    dimensions: ["environment_climate", "economic_sustainability"],
    questionIds: ["ec_water_saving", "ec_waste"],
    versions: {
      ru: {
        title: "Кейс: экономия воды в цехе сушки фруктов в Самарканде",
        summary: "Как цех, где работают женщины из махалли, сократил расход воды на треть.",
        body: `Цех по сушке абрикосов и винограда в Самаркандской области использовал много воды для мойки сырья, а летом воду давали по графику.

**Что сделали:** мойку в три ванны вместо проточной воды; повторное использование воды последнего ополаскивания для первого; сбор дождевой воды с крыши для полива сада; счётчик воды и ежемесячная запись показаний.

**Итог:** расход воды снизился на треть, цех перестал простаивать в дни ограничений, а отходы косточек теперь продаются как топливо.`,
      },
      uz: {
        title: "Keys: Samarqanddagi meva quritish sexida suvni tejash",
        summary: "Mahalla ayollari ishlaydigan sex suv sarfini uchdan birga qanday kamaytirdi.",
        body: `Samarqand viloyatidagi o'rik va uzum quritish sexi xomashyoni yuvish uchun ko'p suv sarflardi, yozda esa suv jadval bo'yicha berilardi.

**Nima qilindi:** oqar suv o'rniga uchta vannada yuvish; oxirgi chayish suvini birinchi yuvish uchun qayta ishlatish; tomdan yomg'ir suvini yig'ish; suv hisoblagichi.

**Natija:** suv sarfi uchdan birga kamaydi, danaklar endi yoqilg'i sifatida sotiladi.`,
      },
    },
  },
  {
    slug: "training-plan-for-a-small-team",
    format: "template",
    level: "beginner",
    country: null,
    dimensions: ["ecosystem_partnership", "economic_sustainability"],
    questionIds: ["ep_training_hours", "es_employees"],
    versions: {
      en: {
        title: "Template: a yearly training plan for a small team",
        summary: "Twenty hours of learning per person per year, planned on one sheet, mostly free.",
        body: `| Person | Skill to build | How (course, mentor, peer visit) | Hours | When |
| --- | --- | --- | --- | --- |

**Sources that cost little:** free online courses in Russian and the state languages, trainings of business associations and chambers of commerce, programmes of international organisations, visits to a peer enterprise, and the resources in this library.

**Rules.** Each person chooses one skill with the director. Share what you learned at a team meeting. Record the hours: the rating asks for the hours of training per person last year.`,
      },
      ru: {
        title: "Шаблон: годовой план обучения небольшой команды",
        summary: "Двадцать часов обучения на человека в год на одном листе, в основном бесплатно.",
        body: `| Сотрудник | Какой навык развиваем | Как (курс, наставник, визит к коллегам) | Часы | Когда |
| --- | --- | --- | --- | --- |

**Недорогие источники:** бесплатные онлайн-курсы на русском и государственных языках, тренинги бизнес-ассоциаций и торговых палат, программы международных организаций, визиты на другое социальное предприятие и материалы этой библиотеки.

**Правила.** Каждый выбирает один навык вместе с руководителем. Делитесь выученным на собрании команды. Записывайте часы: рейтинг спрашивает о часах обучения на человека за прошлый год.`,
      },
    },
  },
];

/** Loads the demo library: every resource with its language versions, written by the given account (two statements). */
export async function seedLearning(tx: Tx, { authorId, now }: { authorId: string | null; now: number }) {
  const day = 86_400_000;
  const createdAt = (index: number) => new Date(now - (DEMO_RESOURCES.length - index) * 3 * day);
  const created = await tx.learningResource.createManyAndReturn({
    data: DEMO_RESOURCES.map((resource, index) => ({
      slug: resource.slug,
      format: resource.format,
      level: resource.level,
      country: resource.country,
      dimensions: resource.dimensions,
      questionIds: resource.questionIds,
      authorId,
      createdAt: createdAt(index),
    })),
    select: { id: true, slug: true },
  });
  const idOf = new Map(created.map((r) => [r.slug, r.id]));
  await tx.learningResourceVersion.createMany({
    data: DEMO_RESOURCES.flatMap((resource, index) =>
      Object.entries(resource.versions).map(([language, version]) => ({
        resourceId: idOf.get(resource.slug)!,
        language,
        ...version,
        createdAt: createdAt(index),
      })),
    ),
  });
}
