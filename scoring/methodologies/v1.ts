import type { Band, Condition, DimensionId, LocalizedText, Methodology, Option, Question } from "../types";

// Methodology v1 of the Central Asian social enterprise rating, published 2026-11-24.
// Its rules never change: the version and date, ids, dimensions and weights, the order and type
// of the questions, options and their points, bands, min and max, caps, conditions, where "not
// applicable" is allowed, the eligibility criteria and thresholds, the tiers and their minimum
// scores. A change to any of them goes into a new version (the fingerprint test fails on it).
// Its texts may be improved here: question texts, help, labels, units and eligibility messages
// may be reworded, corrected or translated into more languages. Never so far that a question asks
// something else or an option means another answer: that changes scores, and needs a new version.
// Bands are read in order: the first band that contains a value gives its points, so a
// value on a shared boundary earns the band listed first.
// Why each question is here, and where it comes from, is in scoring/METHODOLOGY.md.

const t = (en: string, ru: string): LocalizedText => ({ en, ru });
const o = (id: string, en: string, ru: string, points: number): Option => ({ id, label: t(en, ru), points });

type Extra = { help?: LocalizedText; allowNotApplicable?: boolean; appliesWhen?: Condition; unit?: LocalizedText };

const single = (id: string, dimension: DimensionId, text: LocalizedText, options: Option[], extra: Extra = {}): Question => ({
  id,
  dimension,
  type: "single",
  text,
  maxPoints: Math.max(...options.map((x) => x.points)),
  options,
  ...extra,
});

const yesNo = (id: string, dimension: DimensionId, text: LocalizedText, points: number, extra: Extra = {}): Question =>
  single(id, dimension, text, [o("yes", "Yes", "Да", points), o("no", "No", "Нет", 0)], extra);

const multi = (id: string, dimension: DimensionId, text: LocalizedText, cap: number, options: Option[], extra: Extra = {}): Question => ({
  id,
  dimension,
  type: "multi",
  text,
  maxPoints: cap,
  options,
  ...extra,
});

const percent = (id: string, dimension: DimensionId, text: LocalizedText, bands: Band[], extra: Extra = {}): Question => ({
  id,
  dimension,
  type: "percent",
  text,
  min: 0,
  max: 100,
  maxPoints: Math.max(...bands.map((b) => b.points)),
  bands,
  unit: t("%", "%"),
  ...extra,
});

const count = (
  id: string,
  dimension: DimensionId,
  text: LocalizedText,
  bands: Band[],
  extra: Extra & { max?: number; maxPoints?: number } = {},
): Question => {
  const { max = 10_000_000, maxPoints, ...rest } = extra;
  return {
    id,
    dimension,
    type: "number",
    text,
    min: 0,
    max,
    maxPoints: maxPoints ?? Math.max(...bands.map((b) => b.points)),
    bands,
    ...rest,
  };
};

const HAS_STAFF: Condition = { question: "es_employees", min: 1 };

const questions: Question[] = [
  // Social impact
  single(
    "si_primary_mission",
    "social_impact",
    t("What is the primary purpose of the enterprise?", "Какова основная цель предприятия?"),
    [
      o("social", "A social mission", "Социальная миссия", 4),
      o("environmental", "An environmental mission", "Экологическая миссия", 4),
      o("both", "Both social and environmental", "Социальная и экологическая", 4),
      o("commercial", "Profit, with some social activity", "Прибыль, с некоторой социальной деятельностью", 1),
      o("profit", "Profit only", "Только прибыль", 0),
    ],
    {
      help: t(
        "A social enterprise exists first of all for its mission: it earns money in order to serve people or nature, not the other way round. Answer as things are in practice, not only on paper.",
        "Социальное предприятие существует прежде всего ради своей миссии: оно зарабатывает, чтобы служить людям или природе, а не наоборот. Отвечайте так, как обстоит дело на практике, а не только на бумаге.",
      ),
    },
  ),
  yesNo(
    "si_mission_in_statutes",
    "social_impact",
    t(
      "Is the mission written into the founding documents (charter, statutes)?",
      "Закреплена ли миссия в учредительных документах (устав, положение)?",
    ),
    3,
    {
      help: t(
        "Yes if your charter, statutes or other registered founding document states the enterprise's social or environmental aim. A mission written only on your website or in a strategy does not count.",
        "«Да», если социальная или экологическая цель предприятия записана в уставе, положении или другом зарегистрированном учредительном документе. Миссия, указанная только на сайте или в стратегии, не считается.",
      ),
    },
  ),
  count(
    "si_beneficiaries",
    "social_impact",
    t("How many people benefited directly in the last 12 months?", "Сколько человек получили прямую пользу за последние 12 месяцев?"),
    [
      { min: 1000, points: 8 },
      { min: 250, max: 1000, points: 6 },
      { min: 50, max: 250, points: 4 },
      { min: 1, max: 50, points: 2 },
      { min: 0, max: 1, points: 0 },
    ],
    {
      unit: t("people", "человек"),
      help: t(
        "Beneficiaries are the people your mission serves directly: clients, trainees, patients, pupils, employees from target groups. Count each person once, however often you served them; people reached only through the media or social networks do not count.",
        "Благополучатели — это люди, которым ваша миссия приносит прямую пользу: клиенты, слушатели, пациенты, ученики, сотрудники из целевых групп. Считайте каждого человека один раз, сколько бы раз вы ему ни помогали; тех, до кого вы дошли только через СМИ или соцсети, не считайте.",
      ),
    },
  ),
  single(
    "si_outcome_measurement",
    "social_impact",
    t("How do you measure the change you make?", "Как вы измеряете изменения, которых добиваетесь?"),
    [
      o("none", "We do not measure it", "Не измеряем", 0),
      o("outputs", "We count what we do (outputs)", "Считаем, что делаем (результаты деятельности)", 2),
      o("outcomes", "We track outcomes with indicators", "Отслеживаем изменения по показателям", 4),
      o("evaluated", "Outcomes are evaluated independently", "Изменения оцениваются независимо", 6),
    ],
    {
      help: t(
        "Outputs are what you do (for example, 120 people trained); outcomes are the change that follows in people's lives (80 of them found work). Independent evaluation means someone outside the enterprise, such as a researcher or an external evaluator, has checked your outcomes.",
        "Результаты деятельности — это то, что вы делаете (например, обучили 120 человек), а изменения — то, что после этого происходит в жизни людей (80 из них нашли работу). Независимая оценка означает, что достигнутые изменения проверил кто-то со стороны, например исследователь или внешний оценщик.",
      ),
    },
  ),
  yesNo(
    "si_theory_of_change",
    "social_impact",
    t("Do you have a written theory of change or logic model?", "Есть ли у вас письменная теория изменений или логическая модель?"),
    3,
    {
      help: t(
        "A short written account of how your work leads to the change you seek: what you do, what that produces, and what changes for people as a result. A diagram or a section of your strategy counts if it is written down.",
        "Краткое письменное описание того, как ваша работа ведёт к желаемым изменениям: что вы делаете, что это даёт и что в итоге меняется для людей. Подойдёт и схема или раздел стратегии, если они записаны.",
      ),
    },
  ),
  single(
    "si_beneficiary_feedback",
    "social_impact",
    t("How often do you ask beneficiaries for feedback?", "Как часто вы собираете отзывы благополучателей?"),
    [
      o("never", "Never", "Никогда", 0),
      o("sometimes", "Sometimes", "Иногда", 2),
      o("systematic", "Regularly, and we act on it", "Регулярно, и учитываем их", 4),
    ],
    {
      help: t(
        "Feedback means asking the people you serve what they think of your work, through surveys, interviews, meetings or a suggestion box. “Regularly” means on a set schedule, for example after each course or once a year, and you can name something you changed as a result.",
        "Отзывы — это мнение тех, кому вы помогаете, о вашей работе: опросы, интервью, встречи, ящик для предложений. «Регулярно» — по заведённому порядку, например после каждого курса или раз в год, и вы можете назвать, что изменили по итогам.",
      ),
    },
  ),
  multi(
    "si_impact_areas",
    "social_impact",
    t("Which Sustainable Development Goal areas does your work advance?", "В каких областях Целей устойчивого развития вы работаете?"),
    4,
    [
      o("poverty", "Poverty and hunger (SDG 1–2)", "Бедность и голод (ЦУР 1–2)", 1),
      o("health", "Health (SDG 3)", "Здоровье (ЦУР 3)", 1),
      o("education", "Education (SDG 4)", "Образование (ЦУР 4)", 1),
      o("gender", "Gender equality (SDG 5)", "Гендерное равенство (ЦУР 5)", 1),
      o("water_energy", "Water and energy (SDG 6–7)", "Вода и энергия (ЦУР 6–7)", 1),
      o("work", "Decent work (SDG 8)", "Достойная работа (ЦУР 8)", 1),
      o("inequality", "Reduced inequalities (SDG 10)", "Уменьшение неравенства (ЦУР 10)", 1),
      o("communities", "Sustainable communities (SDG 11)", "Устойчивые населённые пункты (ЦУР 11)", 1),
      o("climate_nature", "Climate and nature (SDG 12–15)", "Климат и природа (ЦУР 12–15)", 1),
    ],
    {
      help: t(
        "The Sustainable Development Goals (SDGs) are the 17 goals UN member states adopted for 2030. Choose the areas where your work makes a direct, intended difference, not those it touches only in passing.",
        "Цели устойчивого развития (ЦУР) — 17 целей, принятых странами — членами ООН на период до 2030 года. Отметьте области, в которых ваша работа напрямую и целенаправленно что-то меняет, а не те, которых она касается лишь попутно.",
      ),
    },
  ),
  yesNo(
    "si_impact_report",
    "social_impact",
    t(
      "Do you publish a report on your social or environmental results?",
      "Публикуете ли вы отчёт о своих социальных или экологических результатах?",
    ),
    3,
    {
      help: t(
        "A report anyone can read, on paper or online, on what changed for your beneficiaries or for nature, not only on what you did. It may be a section of your annual report.",
        "Отчёт, доступный любому на бумаге или в интернете, о том, что изменилось для ваших благополучателей или для природы, а не только о проделанной работе. Это может быть раздел годового отчёта.",
      ),
    },
  ),
  single(
    "si_affordability",
    "social_impact",
    t(
      "Can people who cannot pay the full price use your services?",
      "Могут ли люди, неспособные заплатить полную цену, пользоваться вашими услугами?",
    ),
    [
      o("full_price", "No, everyone pays the full price", "Нет, все платят полную цену", 0),
      o("some_discounts", "Some discounts", "Есть некоторые скидки", 2),
      o("sliding_scale", "Free or on a sliding scale for those in need", "Бесплатно или по гибкой шкале для нуждающихся", 4),
    ],
    {
      allowNotApplicable: true,
      help: t(
        "For example free places, discounts or prices that depend on income, for people who could not otherwise pay. Not applicable when beneficiaries do not buy from you (e.g. you employ them).",
        "Например, бесплатные места, скидки или цены в зависимости от дохода для тех, кто иначе не смог бы заплатить. Не применимо, если благополучатели у вас ничего не покупают (например, вы их трудоустраиваете).",
      ),
    },
  ),

  // Economic sustainability
  count(
    "es_employees",
    "economic_sustainability",
    t("How many paid employees does the enterprise have?", "Сколько оплачиваемых сотрудников у предприятия?"),
    [{ min: 0, points: 0 }],
    {
      maxPoints: 0,
      unit: t("people", "человек"),
      help: t(
        "Count everyone the enterprise pays for their work at present, full- or part-time, including founders on a salary; volunteers do not count. An enterprise with no staff skips the questions about staff: it loses no points.",
        "Считайте всех, кому предприятие сейчас платит за работу, с полной или частичной занятостью, включая основателей, получающих зарплату; волонтёры не считаются. Предприятие без сотрудников пропускает вопросы о персонале и не теряет баллы.",
      ),
    },
  ),
  percent(
    "es_trading_income_share",
    "economic_sustainability",
    t("What share of income comes from selling goods or services?", "Какая доля дохода поступает от продажи товаров или услуг?"),
    [
      { min: 75, max: 100, points: 8 },
      { min: 50, max: 75, points: 6 },
      { min: 25, max: 50, points: 3 },
      { min: 0, max: 25, points: 0 },
    ],
    {
      help: t(
        "Income from selling goods and services, including contracts with the state, as a share of all income in the last financial year. Grants, donations and sponsorship are not trading income.",
        "Доход от продажи товаров и услуг, включая контракты с государством, как доля всего дохода за последний финансовый год. Гранты, пожертвования и спонсорская помощь к доходу от продаж не относятся.",
      ),
    },
  ),
  percent(
    "es_profit_reinvested",
    "economic_sustainability",
    t("What share of profit is reinvested in the mission?", "Какая доля прибыли реинвестируется в миссию?"),
    [
      { min: 75, max: 100, points: 6 },
      { min: 50, max: 75, points: 4 },
      { min: 0, max: 50, points: 0 },
    ],
    {
      allowNotApplicable: true,
      help: t(
        "Profit from the last financial year kept in the enterprise or spent on its mission, rather than paid out to owners. Not applicable if there was no profit last year.",
        "Прибыль за последний финансовый год, оставленная в предприятии или направленная на его миссию, а не выплаченная владельцам. Не применимо, если в прошлом году прибыли не было.",
      ),
    },
  ),
  count(
    "es_years_operating",
    "economic_sustainability",
    t("For how many full years has the enterprise been trading?", "Сколько полных лет предприятие продаёт товары или услуги?"),
    [
      { min: 6, points: 5 },
      { min: 3, max: 6, points: 4 },
      { min: 1, max: 3, points: 2 },
      { min: 0, max: 1, points: 0 },
    ],
    {
      max: 200,
      unit: t("years", "лет"),
      help: t(
        "Count the full years since the enterprise began selling goods or services, whatever its legal form at the time. A year not yet complete does not count.",
        "Считайте полные годы с тех пор, как предприятие начало продавать товары или услуги, в какой бы правовой форме оно тогда ни работало. Неполный год не считается.",
      ),
    },
  ),
  single(
    "es_financial_result",
    "economic_sustainability",
    t("What was last year's financial result?", "Каков финансовый результат прошлого года?"),
    [o("loss", "A loss", "Убыток", 0), o("break_even", "Break-even", "Безубыточность", 3), o("surplus", "A surplus", "Прибыль", 5)],
    {
      help: t(
        "All income, grants included, minus all expenses for the last full financial year, from your accounts. Break-even means income and expenses were about equal.",
        "Все доходы, включая гранты, минус все расходы за последний полный финансовый год по данным вашего учёта. Безубыточность — когда доходы и расходы примерно равны.",
      ),
    },
  ),
  percent(
    "es_grant_share",
    "economic_sustainability",
    t("What share of income comes from grants and donations?", "Какая доля дохода поступает от грантов и пожертвований?"),
    [
      { min: 0, max: 25, points: 5 },
      { min: 25, max: 50, points: 3 },
      { min: 50, max: 75, points: 1 },
      { min: 75, max: 100, points: 0 },
    ],
    {
      help: t(
        "Grants, donations and sponsorship from any source, local or international, as a share of all income in the last financial year. Payment under a contract with the state counts as sales, not as a grant.",
        "Гранты, пожертвования и спонсорская помощь из любых источников, местных и международных, как доля всего дохода за последний финансовый год. Оплата по контракту с государством считается продажей, а не грантом.",
      ),
    },
  ),
  yesNo(
    "es_business_plan",
    "economic_sustainability",
    t("Do you have a budget and business plan for the next 12 months?", "Есть ли у вас бюджет и бизнес-план на ближайшие 12 месяцев?"),
    3,
    {
      help: t(
        "Yes if you have, in writing, a budget of expected income and costs and a plan for how you will earn that income, covering at least the next 12 months. A spreadsheet counts.",
        "«Да», если у вас есть письменный бюджет ожидаемых доходов и расходов и план того, как вы заработаете эти доходы, хотя бы на ближайшие 12 месяцев. Подойдёт и таблица.",
      ),
    },
  ),
  single(
    "es_revenue_sources",
    "economic_sustainability",
    t("How many significant sources of income do you have?", "Сколько у вас значимых источников дохода?"),
    [o("one", "One", "Один", 0), o("two_three", "Two or three", "Два-три", 2), o("four_plus", "Four or more", "Четыре и более", 4)],
    {
      help: t(
        "Count the sources that each brought a noticeable part of your income in the last financial year (as a guide, a tenth or more), for example a product line, a large customer, a contract with the state or a grant programme.",
        "Считайте источники, каждый из которых принёс заметную часть дохода за последний финансовый год (ориентир — десятая часть или больше): например, линейка товаров, крупный заказчик, контракт с государством или грантовая программа.",
      ),
    },
  ),
  count(
    "es_reserve_months",
    "economic_sustainability",
    t("How many months of running costs could your reserves cover?", "На сколько месяцев расходов хватит ваших резервов?"),
    [
      { min: 6, points: 4 },
      { min: 3, max: 6, points: 3 },
      { min: 1, max: 3, points: 2 },
      { min: 0, max: 1, points: 0 },
    ],
    {
      max: 600,
      unit: t("months", "месяцев"),
      help: t(
        "Money you are free to use today (cash, bank balances, deposits) divided by your average monthly running costs. Leave out money already committed to a particular grant or project.",
        "Деньги, которыми вы можете свободно распоряжаться сегодня (наличные, остатки на счетах, депозиты), делённые на средние ежемесячные расходы. Не учитывайте средства, уже закреплённые за конкретным грантом или проектом.",
      ),
    },
  ),
  yesNo(
    "es_fair_wages",
    "economic_sustainability",
    t(
      "Are all staff paid at least the national minimum wage, on time?",
      "Получают ли все сотрудники не ниже минимальной зарплаты и вовремя?",
    ),
    3,
    {
      appliesWhen: HAS_STAFF,
      help: t(
        "Yes only if, over the last 12 months, everyone on the staff earned at least the national minimum wage (pro rata for part-time work) and was paid on the agreed dates.",
        "«Да», только если за последние 12 месяцев каждый сотрудник получал не меньше минимальной зарплаты, установленной в стране (при частичной занятости — пропорционально отработанному времени), и зарплату выплачивали в согласованные сроки.",
      ),
    },
  ),
  yesNo(
    "es_written_contracts",
    "economic_sustainability",
    t("Do all staff have written employment contracts?", "Есть ли у всех сотрудников письменные трудовые договоры?"),
    3,
    {
      appliesWhen: HAS_STAFF,
      help: t(
        "Yes if everyone you pay for regular work has a signed employment contract under the labour code. Verbal arrangements, and civil contracts used in place of employment contracts, do not count.",
        "«Да», если у каждого, кому вы платите за постоянную работу, есть подписанный трудовой договор по трудовому кодексу. Устные договорённости и гражданско-правовые договоры вместо трудовых не считаются.",
      ),
    },
  ),
  single(
    "es_social_insurance",
    "economic_sustainability",
    t("Are pension and social insurance contributions paid for staff?", "Платятся ли за сотрудников пенсионные и социальные взносы?"),
    [o("none", "For none", "Ни за кого", 0), o("some", "For some", "За некоторых", 2), o("all", "For all", "За всех", 4)],
    {
      appliesWhen: HAS_STAFF,
      help: t(
        "The pension and social insurance contributions the law requires, whether paid by the employer or withheld from wages and paid over, in the last 12 months. Count a person only if all of them were paid.",
        "Обязательные по закону пенсионные и социальные взносы за последние 12 месяцев: и те, что платит работодатель, и те, что удерживаются из зарплаты и перечисляются за сотрудника. Учитывайте сотрудника, только если за него уплачены все взносы.",
      ),
    },
  ),

  // Governance and transparency
  yesNo(
    "gt_registered",
    "governance_transparency",
    t("Is the enterprise legally registered?", "Зарегистрировано ли предприятие официально?"),
    2,
    {
      help: t(
        "Yes if the enterprise is registered in the country where it works, as a legal entity in any form (company, cooperative, public association, foundation or other) or as an individual entrepreneur.",
        "«Да», если предприятие зарегистрировано в стране, где работает, как юридическое лицо в любой форме (компания, кооператив, общественное объединение, фонд и другие) или как индивидуальный предприниматель.",
      ),
    },
  ),
  single(
    "gt_governing_body",
    "governance_transparency",
    t("Who takes the main decisions?", "Кто принимает основные решения?"),
    [
      o("nobody", "No defined body", "Нет определённого органа", 0),
      o("founder", "The founder alone", "Только основатель", 1),
      o("board", "A board or council", "Правление или совет", 3),
      o("board_independent", "A board with independent members or beneficiaries", "Совет с независимыми членами или благополучателями", 5),
    ],
    {
      help: t(
        "Think of who actually decides on strategy, the budget and the use of profit. Independent members are people who do not work for the enterprise and have no family or business ties to its founders or managers.",
        "Подумайте, кто на деле решает вопросы стратегии, бюджета и использования прибыли. Независимые члены — люди, которые не работают на предприятии и не связаны с его основателями или руководителями родством или бизнесом.",
      ),
    },
  ),
  single(
    "gt_financial_openness",
    "governance_transparency",
    t("How open are your finances?", "Насколько открыты ваши финансы?"),
    [
      o("closed", "Not shared", "Не раскрываются", 0),
      o("on_request", "Shared on request", "Предоставляются по запросу", 2),
      o("published", "Published every year", "Публикуются ежегодно", 4),
      o("audited", "Audited and published", "Проходят аудит и публикуются", 6),
    ],
    {
      help: t(
        "Finances means at least your income and expenses: where the money came from and what it was spent on. Published means anyone can read them, for example on your website; audited means checked by an independent auditor.",
        "Финансы — это как минимум доходы и расходы: откуда пришли деньги и на что они потрачены. «Публикуются» — их может прочитать любой, например на вашем сайте; «проходят аудит» — их проверяет независимый аудитор.",
      ),
    },
  ),
  yesNo(
    "gt_annual_report",
    "governance_transparency",
    t("Do you publish an annual report on your activities?", "Публикуете ли вы годовой отчёт о деятельности?"),
    3,
    {
      help: t(
        "A yearly report on what the enterprise did and achieved, published on paper or online where anyone can read it. It can be short; a report sent only to a donor does not count.",
        "Ежегодный отчёт о том, что предприятие сделало и чего добилось, опубликованный на бумаге или в интернете так, чтобы его мог прочитать любой. Он может быть коротким; отчёт, отправленный только донору, не считается.",
      ),
    },
  ),
  yesNo(
    "gt_conflict_of_interest",
    "governance_transparency",
    t("Do you have a written conflict-of-interest policy?", "Есть ли у вас письменная политика о конфликте интересов?"),
    2,
    {
      help: t(
        "A written policy is a document adopted by the director or board that staff know of. This one says what a manager, board member or employee must do when a decision could benefit them or their relatives, for example declare it and stay out of the decision.",
        "Письменная политика — это документ, утверждённый директором или правлением и известный сотрудникам. Эта политика определяет, что должны делать руководитель, член совета или сотрудник, если решение может принести выгоду им или их родственникам: например, заявить об этом и не участвовать в решении.",
      ),
    },
  ),
  single(
    "gt_accountability",
    "governance_transparency",
    t("How can beneficiaries and partners hold you to account?", "Как благополучатели и партнёры могут требовать от вас отчёта?"),
    [
      o("none", "They cannot", "Никак", 0),
      o("informal", "Informally", "Неформально", 2),
      o("formal", "Through a formal complaints and feedback procedure", "Через формальную процедуру жалоб и обратной связи", 4),
    ],
    {
      help: t(
        "A formal procedure is a known, written way to complain or give feedback (a form, a hotline, an email address, a meeting), with a person responsible and an answer within a set time. Informally means people can come to you, but nothing is set down.",
        "Формальная процедура — известный всем и записанный порядок подачи жалоб и отзывов (форма, горячая линия, электронная почта, встреча), с ответственным лицом и ответом в установленный срок. «Неформально» — к вам можно обратиться, но порядок нигде не закреплён.",
      ),
    },
  ),
  yesNo(
    "gt_asset_lock",
    "governance_transparency",
    t(
      "Do your rules keep assets for the mission if the enterprise closes or is sold?",
      "Закрепляют ли ваши правила сохранение активов для миссии при закрытии или продаже предприятия?",
    ),
    3,
    {
      help: t(
        "Yes if your charter or founding documents say that, if the enterprise closes or is sold, what is left after paying debts goes to its mission or to an organisation with a similar purpose, not to the owners.",
        "«Да», если в уставе или учредительных документах сказано, что при закрытии или продаже предприятия имущество, оставшееся после расчётов по долгам, идёт на его миссию или передаётся организации с похожей целью, а не владельцам.",
      ),
    },
  ),
  yesNo(
    "gt_profit_distribution_cap",
    "governance_transparency",
    t("Do your rules limit how much profit can be paid out to owners?", "Ограничивают ли ваши правила выплату прибыли владельцам?"),
    3,
    {
      allowNotApplicable: true,
      help: t(
        "Yes if your charter, or an owners' decision you are bound by, caps the share of profit paid to owners, for example at half. Not applicable to non-profit forms that cannot distribute profit at all.",
        "«Да», если устав или обязательное для вас решение владельцев ограничивает долю прибыли, выплачиваемую владельцам, например половиной. Не применимо к некоммерческим формам, которые вообще не распределяют прибыль.",
      ),
    },
  ),
  yesNo(
    "gt_anti_corruption",
    "governance_transparency",
    t("Do you have a written anti-corruption policy?", "Есть ли у вас письменная антикоррупционная политика?"),
    2,
    {
      help: t(
        "A document adopted by the director or board that forbids bribes and improper gifts and says how to report a case and how it is handled. A section of a code of conduct counts if it does both.",
        "Документ, утверждённый директором или правлением, который запрещает взятки и неуместные подарки и описывает, как сообщить о нарушении и как его рассматривают. Подойдёт и раздел кодекса поведения, если в нём есть и то, и другое.",
      ),
    },
  ),
  yesNo(
    "gt_data_protection",
    "governance_transparency",
    t(
      "Do you protect the personal data of beneficiaries and staff under a written procedure?",
      "Защищаете ли вы персональные данные благополучателей и сотрудников по письменной процедуре?",
    ),
    2,
    {
      help: t(
        "Personal data are names, contacts, identity documents, health records and any other information about a person. Yes if a written procedure says who may see such data, how it is stored and when it is deleted, and staff follow it.",
        "Персональные данные — это имена, контакты, документы, сведения о здоровье и любая другая информация о человеке. «Да», если письменная процедура определяет, кто имеет к ним доступ, как они хранятся и когда удаляются, и сотрудники её соблюдают.",
      ),
    },
  ),

  // Inclusion
  percent(
    "in_staff_women",
    "inclusion",
    t("What share of staff are women?", "Какую долю сотрудников составляют женщины?"),
    [
      { min: 40, max: 100, points: 4 },
      { min: 20, max: 40, points: 2 },
      { min: 0, max: 20, points: 0 },
    ],
    {
      appliesWhen: HAS_STAFF,
      help: t(
        "Women as a share of all paid staff at present, full- or part-time, each person counted once.",
        "Доля женщин среди всех оплачиваемых сотрудников на сегодня, с полной или частичной занятостью; каждого человека считайте один раз.",
      ),
    },
  ),
  percent(
    "in_staff_disability",
    "inclusion",
    t("What share of staff are people with disabilities?", "Какую долю сотрудников составляют люди с инвалидностью?"),
    [
      { min: 5, max: 100, points: 4 },
      { min: 0.1, max: 5, points: 2 },
      { min: 0, max: 0.1, points: 0 },
    ],
    {
      appliesWhen: HAS_STAFF,
      help: t(
        "People with disabilities as a share of all paid staff at present, full- or part-time, each person counted once. For example, one person in a team of 20 is 5%.",
        "Доля людей с инвалидностью среди всех оплачиваемых сотрудников на сегодня, с полной или частичной занятостью; каждого человека считайте один раз. Например, один человек в команде из 20 — это 5%.",
      ),
    },
  ),
  percent(
    "in_staff_vulnerable",
    "inclusion",
    t("What share of staff come from vulnerable groups?", "Какая доля сотрудников — из уязвимых групп?"),
    [
      { min: 50, max: 100, points: 6 },
      { min: 30, max: 50, points: 4 },
      { min: 10, max: 30, points: 2 },
      { min: 0, max: 10, points: 0 },
    ],
    {
      appliesWhen: HAS_STAFF,
      help: t(
        "Vulnerable groups are, for example, people with disabilities, single parents, former prisoners, returning migrants and graduates of orphanages. Count each person once, even if they belong to several groups.",
        "Уязвимые группы — например, люди с инвалидностью, одинокие родители, бывшие заключённые, вернувшиеся мигранты, выпускники детских домов. Каждого человека считайте один раз, даже если он относится к нескольким группам.",
      ),
    },
  ),
  single(
    "in_women_leadership",
    "inclusion",
    t("How many of the leadership team are women?", "Сколько женщин в руководстве?"),
    [o("none", "None", "Ни одной", 0), o("some", "Some", "Некоторые", 2), o("half_or_more", "Half or more", "Половина или больше", 4)],
    {
      help: t(
        "The leadership team is the director and those who take the main decisions with them: deputies, heads of departments and the members of the board, if there is one.",
        "Руководство — это директор и те, кто вместе с ним принимает основные решения: заместители, руководители подразделений и члены совета или правления, если он есть.",
      ),
    },
  ),
  multi(
    "in_beneficiary_groups",
    "inclusion",
    t("Which groups does your work reach on purpose?", "Какие группы вы целенаправленно охватываете?"),
    5,
    [
      o("women", "Women and girls", "Женщины и девочки", 1),
      o("youth", "Young people", "Молодёжь", 1),
      o("elders", "Older people", "Пожилые люди", 1),
      o("disability", "People with disabilities", "Люди с инвалидностью", 1),
      o("rural", "Rural and remote communities", "Сельские и отдалённые сообщества", 1),
      o("migrants", "Migrants, returnees and displaced people", "Мигранты, вернувшиеся и перемещённые лица", 1),
      o("low_income", "Low-income families", "Малообеспеченные семьи", 1),
      o("minorities", "Ethnic and linguistic minorities", "Этнические и языковые меньшинства", 1),
    ],
    {
      help: t(
        "Choose only the groups your work is designed to reach and that you can show you do reach, not everyone who may happen to be among your clients.",
        "Отмечайте только те группы, на которые рассчитана ваша работа и охват которых вы можете подтвердить, а не всех, кто может оказаться среди ваших клиентов.",
      ),
    },
  ),
  single(
    "in_generations",
    "inclusion",
    t("Do you involve both young and older people in your work?", "Вовлекаете ли вы в работу и молодёжь, и старшее поколение?"),
    [
      o("neither", "Neither specifically", "Ни тех, ни других специально", 0),
      o("one", "One of the two", "Одну из групп", 2),
      o("both", "Both", "Обе", 3),
    ],
    {
      help: t(
        "Involve means on purpose, as staff, volunteers, mentors, participants or in decisions, not only as customers. Young and older people are as your country defines them (young people usually up to 30 or 35, older people from pension age).",
        "Вовлекать — значит целенаправленно привлекать как сотрудников, волонтёров, наставников, участников или к принятию решений, а не только как клиентов. Молодёжь и старшее поколение — так, как их определяет ваша страна (обычно молодёжь — до 30–35 лет, старшее поколение — с пенсионного возраста).",
      ),
    },
  ),
  single(
    "in_accessibility",
    "inclusion",
    t(
      "Are your premises and services accessible to people with disabilities?",
      "Доступны ли ваши помещения и услуги людям с инвалидностью?",
    ),
    [o("no", "No", "Нет", 0), o("partly", "Partly", "Частично", 2), o("fully", "Fully", "Полностью", 4)],
    {
      allowNotApplicable: true,
      help: t(
        "For example a step-free entrance, an accessible toilet, information in large print or readable by screen readers, and staff who know how to help. Not applicable if you have no premises or services used by the public.",
        "Например, вход без ступенек или с пандусом, доступный туалет, информация крупным шрифтом или в формате для программ экранного доступа, сотрудники, умеющие помочь. Не применимо, если у вас нет помещений или услуг для посетителей.",
      ),
    },
  ),
  multi(
    "in_languages",
    "inclusion",
    t("In which languages do you serve people?", "На каких языках вы обслуживаете людей?"),
    3,
    [
      o("state", "The state language", "Государственный язык", 1),
      o("russian", "Russian", "Русский", 1),
      o("minority", "A minority language", "Язык меньшинства", 1),
      o("accessible", "Sign language or easy-to-read formats", "Жестовый язык или упрощённые форматы", 1),
    ],
    {
      help: t(
        "Choose the languages in which people can get your services and information; a minority language is one spoken by a minority of people in your country. Easy-to-read formats are texts in short, simple sentences, often with pictures, for people who find reading hard.",
        "Отметьте языки, на которых люди могут получить ваши услуги и информацию; язык меньшинства — язык, на котором говорит меньшинство жителей вашей страны. Упрощённые форматы — тексты из коротких простых предложений, часто с картинками, для тех, кому трудно читать.",
      ),
    },
  ),
  yesNo(
    "in_equal_pay",
    "inclusion",
    t("Do women and men doing the same work earn the same?", "Получают ли женщины и мужчины одинаково за одинаковую работу?"),
    3,
    {
      appliesWhen: HAS_STAFF,
      help: t(
        "Yes if women and men doing the same job, with the same hours and duties, get the same pay and bonuses, under pay rules that do not depend on sex.",
        "«Да», если женщины и мужчины на одной и той же работе, с одинаковым графиком и обязанностями, получают одинаковую зарплату и премии, а правила оплаты не зависят от пола.",
      ),
    },
  ),

  // Ecosystem and partnership
  yesNo(
    "ep_network_member",
    "ecosystem_partnership",
    t(
      "Is the enterprise a member of a network or association of social entrepreneurs?",
      "Является ли предприятие членом сети или ассоциации социальных предпринимателей?",
    ),
    3,
    {
      help: t(
        "A local, national or regional body with members that brings social entrepreneurs together, for example a national association of social enterprises. Yes if you are a member now; only attending its events does not count.",
        "Местное, национальное или региональное объединение с членством, которое собирает социальных предпринимателей, например национальная ассоциация социальных предприятий. «Да», если вы сейчас в него входите; одного участия в его мероприятиях недостаточно.",
      ),
    },
  ),
  multi(
    "ep_partners",
    "ecosystem_partnership",
    t("With whom do you work in partnership?", "С кем вы работаете в партнёрстве?"),
    4,
    [
      o("government", "Government or local authorities", "Государство или местные органы власти", 1),
      o("business", "Businesses", "Бизнес", 1),
      o("ngos", "Civil society organisations", "Организации гражданского общества", 1),
      o("academia", "Universities and research centres", "Университеты и исследовательские центры", 1),
      o("international", "International organisations", "Международные организации", 1),
    ],
    {
      help: t(
        "Count organisations you worked with in the last 12 months towards a shared aim, in a joint project or under an agreement or memorandum. Simply buying from or selling to someone is not a partnership.",
        "Учитывайте организации, с которыми вы за последние 12 месяцев работали ради общей цели: в совместном проекте, по соглашению или меморандуму. Обычная покупка или продажа — ещё не партнёрство.",
      ),
    },
  ),
  single(
    "ep_mentorship",
    "ecosystem_partnership",
    t("Do you take part in mentorship?", "Участвуете ли вы в наставничестве?"),
    [
      o("no", "No", "Нет", 0),
      o("receives", "We receive mentoring", "Нас наставляют", 2),
      o("gives", "We mentor others", "Мы наставляем других", 3),
      o("both", "Both", "И то, и другое", 4),
    ],
    {
      help: t(
        "Mentorship is regular, personal advice on running an enterprise from someone with experience, in the last 12 months; you may receive it or give it to other entrepreneurs. One-off consultations and general training do not count.",
        "Наставничество — это регулярные личные советы опытного человека о том, как вести предприятие, за последние 12 месяцев; вы можете получать их или сами давать другим предпринимателям. Разовые консультации и общие тренинги не считаются.",
      ),
    },
  ),
  single(
    "ep_policy_dialogue",
    "ecosystem_partnership",
    t(
      "How often did you take part in dialogue with government on policy in the last year?",
      "Как часто за последний год вы участвовали в диалоге с государством о политике?",
    ),
    [o("never", "Never", "Ни разу", 0), o("once", "Once", "Один раз", 2), o("regularly", "Regularly", "Регулярно", 4)],
    {
      help: t(
        "Taking part in consultations, working groups, public councils or hearings on laws, programmes or regulations, at local or national level, in the last 12 months. “Regularly” means several times, or a seat on a standing body.",
        "Участие в консультациях, рабочих группах, общественных советах или слушаниях по законам, программам и нормативным актам, на местном или национальном уровне, за последние 12 месяцев. «Регулярно» — несколько раз или постоянное участие в таком органе.",
      ),
    },
  ),
  count(
    "ep_training_hours",
    "ecosystem_partnership",
    t(
      "How many hours of training did the team receive last year, per person?",
      "Сколько часов обучения на человека получила команда в прошлом году?",
    ),
    [
      { min: 40, points: 3 },
      { min: 20, max: 40, points: 2 },
      { min: 1, max: 20, points: 1 },
      { min: 0, max: 1, points: 0 },
    ],
    {
      max: 2000,
      unit: t("hours", "часов"),
      help: t(
        "Add up the hours of courses, workshops, webinars and study visits the whole team (founders, staff and regular volunteers) attended last year, and divide by the number of people. For example, 3 people with 45 hours between them is 15 hours per person.",
        "Сложите часы курсов, семинаров, вебинаров и учебных поездок, которые прошла вся команда (основатели, сотрудники и постоянные волонтёры) в прошлом году, и разделите на число людей. Например, 3 человека и 45 часов на всех — это 15 часов на человека.",
      ),
    },
  ),
  percent(
    "ep_local_suppliers",
    "ecosystem_partnership",
    t("What share of your purchases is from local suppliers?", "Какая доля закупок приходится на местных поставщиков?"),
    [
      { min: 75, max: 100, points: 3 },
      { min: 50, max: 75, points: 2 },
      { min: 25, max: 50, points: 1 },
      { min: 0, max: 25, points: 0 },
    ],
    {
      help: t(
        "Local suppliers are businesses and producers based in the region (province or city) where you work. Count money spent with them as a share of all purchases in the last financial year, leaving out wages and taxes.",
        "Местные поставщики — предприятия и производители из того региона (области или города), где вы работаете. Считайте, какая доля всех закупок за последний финансовый год пришлась на них в деньгах, без учёта зарплат и налогов.",
      ),
    },
  ),
  yesNo(
    "ep_knowledge_sharing",
    "ecosystem_partnership",
    t(
      "Do you share what you learn openly (events, publications, open materials)?",
      "Делитесь ли вы опытом открыто (мероприятия, публикации, открытые материалы)?",
    ),
    2,
    {
      help: t(
        "Yes if in the last 12 months you shared your experience, methods or results with others free of charge: at events, in articles, or as guides and templates anyone can use.",
        "«Да», если за последние 12 месяцев вы бесплатно делились с другими своим опытом, методами или результатами: выступали на мероприятиях, публиковали статьи, выкладывали руководства и шаблоны, которыми может пользоваться любой.",
      ),
    },
  ),

  // Environment and climate
  yesNo(
    "ec_environmental_policy",
    "environment_climate",
    t("Do you have a written environmental policy?", "Есть ли у вас письменная экологическая политика?"),
    3,
    {
      help: t(
        "A document adopted by the director or board that sets out how the enterprise reduces its harm to the environment (energy, water, waste, transport, purchasing), with concrete steps. A sentence on the website alone does not count.",
        "Документ, утверждённый директором или правлением, где описано, как предприятие снижает вред окружающей среде (энергия, вода, отходы, транспорт, закупки), с конкретными шагами. Одной фразы на сайте недостаточно.",
      ),
    },
  ),
  multi(
    "ec_energy_measures",
    "environment_climate",
    t("Which energy measures have you taken?", "Какие меры по энергосбережению вы приняли?"),
    4,
    [
      o("efficient_equipment", "Efficient lighting and equipment", "Энергоэффективное освещение и оборудование", 1),
      o("renewables", "Renewable energy", "Возобновляемая энергия", 1),
      o("insulation", "Insulation of buildings", "Утепление зданий", 1),
      o("monitoring", "Monitoring energy use", "Учёт потребления энергии", 1),
    ],
    {
      help: t(
        "Choose measures in place now in the premises, vehicles and equipment you use, owned or rented. Monitoring means regularly reading meters or bills to see how much energy you use.",
        "Отмечайте меры, которые уже действуют в помещениях, транспорте и оборудовании, которыми вы пользуетесь, — своих или арендованных. Учёт потребления — регулярная проверка счётчиков или счетов, чтобы видеть, сколько энергии вы расходуете.",
      ),
    },
  ),
  percent(
    "ec_renewable_share",
    "environment_climate",
    t("What share of the energy you use is renewable?", "Какая доля потребляемой энергии — возобновляемая?"),
    [
      { min: 50, max: 100, points: 4 },
      { min: 10, max: 50, points: 2 },
      { min: 0, max: 10, points: 0 },
    ],
    {
      allowNotApplicable: true,
      help: t(
        "Energy from the sun, wind, water or biomass that you produce or choose to buy, as a share of all the energy you use in a year (electricity, heating, fuel). Not applicable if you cannot choose your energy source.",
        "Энергия солнца, ветра, воды или биомассы, которую вы производите сами или покупаете по своему выбору, как доля всей энергии, потребляемой за год (электричество, отопление, топливо). Не применимо, если вы не можете выбирать источник энергии.",
      ),
    },
  ),
  single(
    "ec_waste",
    "environment_climate",
    t("How do you deal with waste?", "Как вы обращаетесь с отходами?"),
    [
      o("none", "No special measures", "Никаких особых мер", 0),
      o("separate", "We separate waste", "Раздельно собираем", 2),
      o("reuse", "We reuse or recycle most of it", "Повторно используем или перерабатываем большую часть", 4),
    ],
    {
      help: t(
        "The waste from your work: packaging, food, paper, textiles, old equipment. “Most” means more than half of it, by weight or volume, is reused, repaired, recycled or composted.",
        "Имеются в виду отходы вашей деятельности: упаковка, пищевые отходы, бумага, ткани, старое оборудование. «Большая часть» — больше половины по весу или объёму идёт на повторное использование, ремонт, переработку или компост.",
      ),
    },
  ),
  yesNo("ec_water_saving", "environment_climate", t("Do you take measures to save water?", "Принимаете ли вы меры по экономии воды?"), 2, {
    allowNotApplicable: true,
    help: t(
      "For example water-saving taps, drip irrigation, collecting rainwater, reusing water or repairing leaks quickly. Not applicable if you use water only for drinking and basic needs in premises you do not control.",
      "Например, экономные краны, капельное орошение, сбор дождевой воды, повторное использование воды или быстрый ремонт протечек. Не применимо, если вы используете воду только для питья и бытовых нужд в помещении, которым не управляете.",
    ),
  }),
  single(
    "ec_climate_risk",
    "environment_climate",
    t("Have you considered how climate change affects your enterprise?", "Оценивали ли вы, как изменение климата влияет на предприятие?"),
    [
      o("no", "No", "Нет", 0),
      o("discussed", "We have discussed it", "Обсуждали", 2),
      o("plan", "We have an adaptation plan", "У нас есть план адаптации", 4),
    ],
    {
      help: t(
        "For example how heat, drought, floods, mudflows or water shortages could affect your premises, supplies, staff or beneficiaries. An adaptation plan is written down and says what you will do about them.",
        "Например, как жара, засуха, наводнения, сели или нехватка воды могут повлиять на ваши помещения, поставки, сотрудников или благополучателей. План адаптации записан и описывает, что вы будете с этим делать.",
      ),
    },
  ),
  yesNo(
    "ec_emissions_measured",
    "environment_climate",
    t("Do you measure your greenhouse gas emissions?", "Измеряете ли вы выбросы парниковых газов?"),
    3,
    {
      help: t(
        "Yes if in the last 12 months you calculated, at least roughly, the greenhouse gases from the energy, fuel and transport you use, for example with a free online carbon calculator.",
        "«Да», если за последние 12 месяцев вы хотя бы приблизительно рассчитали выбросы парниковых газов от использования энергии, топлива и транспорта, например с помощью бесплатного онлайн-калькулятора углеродного следа.",
      ),
    },
  ),
];

export const v1: Methodology = {
  version: "1",
  publishedAt: "2026-11-24",
  dimensions: [
    { id: "social_impact", weight: 0.25, label: t("Social impact", "Социальное воздействие") },
    { id: "economic_sustainability", weight: 0.2, label: t("Economic sustainability", "Экономическая устойчивость") },
    { id: "governance_transparency", weight: 0.15, label: t("Governance and transparency", "Управление и прозрачность") },
    { id: "inclusion", weight: 0.15, label: t("Inclusion", "Инклюзивность") },
    { id: "ecosystem_partnership", weight: 0.1, label: t("Ecosystem and partnership", "Экосистема и партнёрство") },
    { id: "environment_climate", weight: 0.15, label: t("Environment and climate", "Экология и климат") },
  ],
  questions,
  tiers: [
    { id: "emerging", minScore: 0, label: t("Emerging", "Начинающее") },
    { id: "developing", minScore: 40, label: t("Developing", "Развивающееся") },
    { id: "established", minScore: 60, label: t("Established", "Состоявшееся") },
    { id: "leading", minScore: 80, label: t("Leading", "Лидирующее") },
  ],
  eligibility: {
    criteria: [
      {
        id: "primary_mission",
        label: t("Primary social or environmental mission", "Основная социальная или экологическая миссия"),
        question: "si_primary_mission",
        oneOf: ["social", "environmental", "both"],
        failure: t(
          "The enterprise's primary purpose is not a social or environmental mission.",
          "Основная цель предприятия — не социальная и не экологическая миссия.",
        ),
      },
      {
        id: "trading_income",
        label: t("At least 25% of income from trading", "Не менее 25% дохода от продаж"),
        question: "es_trading_income_share",
        min: 25,
        failure: t(
          "Less than 25% of income comes from selling goods or services.",
          "Менее 25% дохода поступает от продажи товаров или услуг.",
        ),
      },
      {
        id: "profit_reinvested",
        label: t("At least 50% of profit reinvested in the mission", "Не менее 50% прибыли реинвестируется в миссию"),
        question: "es_profit_reinvested",
        min: 50,
        passIfNotApplicable: true,
        failure: t("Less than half of the profit is reinvested in the mission.", "В миссию реинвестируется менее половины прибыли."),
      },
    ],
  },
};
