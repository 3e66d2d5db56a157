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

const count = (id: string, dimension: DimensionId, text: LocalizedText, bands: Band[], extra: Extra & { max?: number; maxPoints?: number } = {}): Question => {
  const { max = 10_000_000, maxPoints, ...rest } = extra;
  return { id, dimension, type: "number", text, min: 0, max, maxPoints: maxPoints ?? Math.max(...bands.map((b) => b.points)), bands, ...rest };
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
    { help: t("A social enterprise exists first of all for its mission.", "Социальное предприятие существует прежде всего ради своей миссии.") },
  ),
  yesNo("si_mission_in_statutes", "social_impact", t("Is the mission written into the founding documents (charter, statutes)?", "Закреплена ли миссия в учредительных документах (устав, положение)?"), 3),
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
    { help: t("Count each person once: clients, trainees, patients, pupils, employees from target groups.", "Считайте каждого человека один раз: клиенты, слушатели, пациенты, ученики, сотрудники из целевых групп."), unit: t("people", "человек") },
  ),
  single("si_outcome_measurement", "social_impact", t("How do you measure the change you make?", "Как вы измеряете изменения, которых добиваетесь?"), [
    o("none", "We do not measure it", "Не измеряем", 0),
    o("outputs", "We count what we do (outputs)", "Считаем, что делаем (результаты деятельности)", 2),
    o("outcomes", "We track outcomes with indicators", "Отслеживаем изменения по показателям", 4),
    o("evaluated", "Outcomes are evaluated independently", "Изменения оцениваются независимо", 6),
  ]),
  yesNo("si_theory_of_change", "social_impact", t("Do you have a written theory of change or logic model?", "Есть ли у вас письменная теория изменений или логическая модель?"), 3),
  single("si_beneficiary_feedback", "social_impact", t("How often do you ask beneficiaries for feedback?", "Как часто вы собираете отзывы благополучателей?"), [
    o("never", "Never", "Никогда", 0),
    o("sometimes", "Sometimes", "Иногда", 2),
    o("systematic", "Regularly, and we act on it", "Регулярно, и учитываем их", 4),
  ]),
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
  ),
  yesNo("si_impact_report", "social_impact", t("Do you publish a report on your social or environmental results?", "Публикуете ли вы отчёт о своих социальных или экологических результатах?"), 3),
  single(
    "si_affordability",
    "social_impact",
    t("Can people who cannot pay the full price use your services?", "Могут ли люди, неспособные заплатить полную цену, пользоваться вашими услугами?"),
    [
      o("full_price", "No, everyone pays the full price", "Нет, все платят полную цену", 0),
      o("some_discounts", "Some discounts", "Есть некоторые скидки", 2),
      o("sliding_scale", "Free or on a sliding scale for those in need", "Бесплатно или по гибкой шкале для нуждающихся", 4),
    ],
    { allowNotApplicable: true, help: t("Not applicable when beneficiaries do not buy from you (e.g. you employ them).", "Не применимо, если благополучатели у вас ничего не покупают (например, вы их трудоустраиваете).") },
  ),

  // Economic sustainability
  count(
    "es_employees",
    "economic_sustainability",
    t("How many paid employees does the enterprise have?", "Сколько оплачиваемых сотрудников у предприятия?"),
    [{ min: 0, points: 0 }],
    { maxPoints: 0, unit: t("people", "человек"), help: t("Full- and part-time. An enterprise with no staff skips the questions about staff: it loses no points.", "Полная и частичная занятость. Предприятие без сотрудников пропускает вопросы о персонале и не теряет баллы.") },
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
    { help: t("Over the last financial year, including contracts with the state.", "За последний финансовый год, включая контракты с государством.") },
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
    { allowNotApplicable: true, help: t("Not applicable if there was no profit last year.", "Не применимо, если в прошлом году прибыли не было.") },
  ),
  count(
    "es_years_operating",
    "economic_sustainability",
    t("For how many full years has the enterprise been trading?", "Сколько полных лет предприятие ведёт деятельность?"),
    [
      { min: 6, points: 5 },
      { min: 3, max: 6, points: 4 },
      { min: 1, max: 3, points: 2 },
      { min: 0, max: 1, points: 0 },
    ],
    { max: 200, unit: t("years", "лет") },
  ),
  single("es_financial_result", "economic_sustainability", t("What was last year's financial result?", "Каков финансовый результат прошлого года?"), [
    o("loss", "A loss", "Убыток", 0),
    o("break_even", "Break-even", "Безубыточность", 3),
    o("surplus", "A surplus", "Прибыль", 5),
  ]),
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
  ),
  yesNo("es_business_plan", "economic_sustainability", t("Do you have a budget and business plan for the next 12 months?", "Есть ли у вас бюджет и бизнес-план на ближайшие 12 месяцев?"), 3),
  single("es_revenue_sources", "economic_sustainability", t("How many significant sources of income do you have?", "Сколько у вас значимых источников дохода?"), [
    o("one", "One", "Один", 0),
    o("two_three", "Two or three", "Два-три", 2),
    o("four_plus", "Four or more", "Четыре и более", 4),
  ]),
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
    { max: 600, unit: t("months", "месяцев") },
  ),
  yesNo("es_fair_wages", "economic_sustainability", t("Are all staff paid at least the national minimum wage, on time?", "Получают ли все сотрудники не ниже минимальной зарплаты и вовремя?"), 3, { appliesWhen: HAS_STAFF }),
  yesNo("es_written_contracts", "economic_sustainability", t("Do all staff have written employment contracts?", "Есть ли у всех сотрудников письменные трудовые договоры?"), 3, { appliesWhen: HAS_STAFF }),
  single(
    "es_social_insurance",
    "economic_sustainability",
    t("Are pension and social insurance contributions paid for staff?", "Платятся ли за сотрудников пенсионные и социальные взносы?"),
    [o("none", "For none", "Ни за кого", 0), o("some", "For some", "За некоторых", 2), o("all", "For all", "За всех", 4)],
    { appliesWhen: HAS_STAFF },
  ),

  // Governance and transparency
  yesNo("gt_registered", "governance_transparency", t("Is the enterprise legally registered?", "Зарегистрировано ли предприятие официально?"), 2),
  single("gt_governing_body", "governance_transparency", t("Who takes the main decisions?", "Кто принимает основные решения?"), [
    o("nobody", "No defined body", "Нет определённого органа", 0),
    o("founder", "The founder alone", "Только основатель", 1),
    o("board", "A board or council", "Правление или совет", 3),
    o("board_independent", "A board with independent members or beneficiaries", "Совет с независимыми членами или благополучателями", 5),
  ]),
  single("gt_financial_openness", "governance_transparency", t("How open are your finances?", "Насколько открыты ваши финансы?"), [
    o("closed", "Not shared", "Не раскрываются", 0),
    o("on_request", "Shared on request", "Предоставляются по запросу", 2),
    o("published", "Published every year", "Публикуются ежегодно", 4),
    o("audited", "Audited and published", "Проходят аудит и публикуются", 6),
  ]),
  yesNo("gt_annual_report", "governance_transparency", t("Do you publish an annual report on your activities?", "Публикуете ли вы годовой отчёт о деятельности?"), 3),
  yesNo("gt_conflict_of_interest", "governance_transparency", t("Do you have a written conflict-of-interest policy?", "Есть ли у вас письменная политика о конфликте интересов?"), 2),
  single("gt_accountability", "governance_transparency", t("How can beneficiaries and partners hold you to account?", "Как благополучатели и партнёры могут требовать от вас отчёта?"), [
    o("none", "They cannot", "Никак", 0),
    o("informal", "Informally", "Неформально", 2),
    o("formal", "Through a formal complaints and feedback procedure", "Через формальную процедуру жалоб и обратной связи", 4),
  ]),
  yesNo("gt_asset_lock", "governance_transparency", t("Do your rules keep assets for the mission if the enterprise closes or is sold?", "Закрепляют ли ваши правила сохранение активов для миссии при закрытии или продаже предприятия?"), 3),
  yesNo(
    "gt_profit_distribution_cap",
    "governance_transparency",
    t("Do your rules limit how much profit can be paid out to owners?", "Ограничивают ли ваши правила выплату прибыли владельцам?"),
    3,
    { allowNotApplicable: true, help: t("Not applicable to non-profit forms that cannot distribute profit at all.", "Не применимо к некоммерческим формам, которые вообще не распределяют прибыль.") },
  ),
  yesNo("gt_anti_corruption", "governance_transparency", t("Do you have a written anti-corruption policy?", "Есть ли у вас письменная антикоррупционная политика?"), 2),
  yesNo("gt_data_protection", "governance_transparency", t("Do you protect the personal data of beneficiaries and staff under a written procedure?", "Защищаете ли вы персональные данные благополучателей и сотрудников по письменной процедуре?"), 2),

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
    { appliesWhen: HAS_STAFF },
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
    { appliesWhen: HAS_STAFF },
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
        "For example people with disabilities, single parents, former prisoners, returning migrants, graduates of orphanages.",
        "Например, люди с инвалидностью, одинокие родители, бывшие заключённые, вернувшиеся мигранты, выпускники детских домов.",
      ),
    },
  ),
  single("in_women_leadership", "inclusion", t("How many of the leadership team are women?", "Сколько женщин в руководстве?"), [
    o("none", "None", "Ни одной", 0),
    o("some", "Some", "Некоторые", 2),
    o("half_or_more", "Half or more", "Половина или больше", 4),
  ]),
  multi("in_beneficiary_groups", "inclusion", t("Which groups does your work reach on purpose?", "Какие группы вы целенаправленно охватываете?"), 5, [
    o("women", "Women and girls", "Женщины и девочки", 1),
    o("youth", "Young people", "Молодёжь", 1),
    o("elders", "Older people", "Пожилые люди", 1),
    o("disability", "People with disabilities", "Люди с инвалидностью", 1),
    o("rural", "Rural and remote communities", "Сельские и отдалённые сообщества", 1),
    o("migrants", "Migrants, returnees and displaced people", "Мигранты, вернувшиеся и перемещённые лица", 1),
    o("low_income", "Low-income families", "Малообеспеченные семьи", 1),
    o("minorities", "Ethnic and linguistic minorities", "Этнические и языковые меньшинства", 1),
  ]),
  single("in_generations", "inclusion", t("Do you involve both young and older people in your work?", "Вовлекаете ли вы в работу и молодёжь, и старшее поколение?"), [
    o("neither", "Neither specifically", "Ни тех, ни других специально", 0),
    o("one", "One of the two", "Одну из групп", 2),
    o("both", "Both", "Обе", 3),
  ]),
  single(
    "in_accessibility",
    "inclusion",
    t("Are your premises and services accessible to people with disabilities?", "Доступны ли ваши помещения и услуги людям с инвалидностью?"),
    [o("no", "No", "Нет", 0), o("partly", "Partly", "Частично", 2), o("fully", "Fully", "Полностью", 4)],
    { allowNotApplicable: true, help: t("Not applicable if you have no premises or services used by the public.", "Не применимо, если у вас нет помещений или услуг для посетителей.") },
  ),
  multi("in_languages", "inclusion", t("In which languages do you serve people?", "На каких языках вы обслуживаете людей?"), 3, [
    o("state", "The state language", "Государственный язык", 1),
    o("russian", "Russian", "Русский", 1),
    o("minority", "A minority language", "Язык меньшинства", 1),
    o("accessible", "Sign language or easy-to-read formats", "Жестовый язык или упрощённые форматы", 1),
  ]),
  yesNo("in_equal_pay", "inclusion", t("Do women and men doing the same work earn the same?", "Получают ли женщины и мужчины одинаково за одинаковую работу?"), 3, { appliesWhen: HAS_STAFF }),

  // Ecosystem and partnership
  yesNo("ep_network_member", "ecosystem_partnership", t("Is the enterprise a member of a network or association of social entrepreneurs?", "Является ли предприятие членом сети или ассоциации социальных предпринимателей?"), 3),
  multi("ep_partners", "ecosystem_partnership", t("With whom do you work in partnership?", "С кем вы работаете в партнёрстве?"), 4, [
    o("government", "Government or local authorities", "Государство или местные органы власти", 1),
    o("business", "Businesses", "Бизнес", 1),
    o("ngos", "Civil society organisations", "Организации гражданского общества", 1),
    o("academia", "Universities and research centres", "Университеты и исследовательские центры", 1),
    o("international", "International organisations", "Международные организации", 1),
  ]),
  single("ep_mentorship", "ecosystem_partnership", t("Do you take part in mentorship?", "Участвуете ли вы в наставничестве?"), [
    o("no", "No", "Нет", 0),
    o("receives", "We receive mentoring", "Нас наставляют", 2),
    o("gives", "We mentor others", "Мы наставляем других", 3),
    o("both", "Both", "И то, и другое", 4),
  ]),
  single("ep_policy_dialogue", "ecosystem_partnership", t("How often did you take part in dialogue with government on policy in the last year?", "Как часто за последний год вы участвовали в диалоге с государством о политике?"), [
    o("never", "Never", "Ни разу", 0),
    o("once", "Once", "Один раз", 2),
    o("regularly", "Regularly", "Регулярно", 4),
  ]),
  count(
    "ep_training_hours",
    "ecosystem_partnership",
    t("How many hours of training did the team receive last year, per person?", "Сколько часов обучения на человека получила команда в прошлом году?"),
    [
      { min: 40, points: 3 },
      { min: 20, max: 40, points: 2 },
      { min: 1, max: 20, points: 1 },
      { min: 0, max: 1, points: 0 },
    ],
    { max: 2000, unit: t("hours", "часов") },
  ),
  percent("ep_local_suppliers", "ecosystem_partnership", t("What share of your purchases is from local suppliers?", "Какая доля закупок приходится на местных поставщиков?"), [
    { min: 75, max: 100, points: 3 },
    { min: 50, max: 75, points: 2 },
    { min: 25, max: 50, points: 1 },
    { min: 0, max: 25, points: 0 },
  ]),
  yesNo("ep_knowledge_sharing", "ecosystem_partnership", t("Do you share what you learn openly (events, publications, open materials)?", "Делитесь ли вы опытом открыто (мероприятия, публикации, открытые материалы)?"), 2),

  // Environment and climate
  yesNo("ec_environmental_policy", "environment_climate", t("Do you have a written environmental policy?", "Есть ли у вас письменная экологическая политика?"), 3),
  multi("ec_energy_measures", "environment_climate", t("Which energy measures have you taken?", "Какие меры по энергосбережению вы приняли?"), 4, [
    o("efficient_equipment", "Efficient lighting and equipment", "Энергоэффективное освещение и оборудование", 1),
    o("renewables", "Renewable energy", "Возобновляемая энергия", 1),
    o("insulation", "Insulation of buildings", "Утепление зданий", 1),
    o("monitoring", "Monitoring energy use", "Учёт потребления энергии", 1),
  ]),
  percent(
    "ec_renewable_share",
    "environment_climate",
    t("What share of the energy you use is renewable?", "Какая доля потребляемой энергии — возобновляемая?"),
    [
      { min: 50, max: 100, points: 4 },
      { min: 10, max: 50, points: 2 },
      { min: 0, max: 10, points: 0 },
    ],
    { allowNotApplicable: true, help: t("Not applicable if you cannot choose your energy source.", "Не применимо, если вы не можете выбирать источник энергии.") },
  ),
  single("ec_waste", "environment_climate", t("How do you deal with waste?", "Как вы обращаетесь с отходами?"), [
    o("none", "No special measures", "Никаких особых мер", 0),
    o("separate", "We separate waste", "Раздельно собираем", 2),
    o("reuse", "We reuse or recycle most of it", "Повторно используем или перерабатываем большую часть", 4),
  ]),
  yesNo("ec_water_saving", "environment_climate", t("Do you take measures to save water?", "Принимаете ли вы меры по экономии воды?"), 2, { allowNotApplicable: true }),
  single("ec_climate_risk", "environment_climate", t("Have you considered how climate change affects your enterprise?", "Оценивали ли вы, как изменение климата влияет на предприятие?"), [
    o("no", "No", "Нет", 0),
    o("discussed", "We have discussed it", "Обсуждали", 2),
    o("plan", "We have an adaptation plan", "У нас есть план адаптации", 4),
  ]),
  yesNo("ec_emissions_measured", "environment_climate", t("Do you measure your greenhouse gas emissions?", "Измеряете ли вы выбросы парниковых газов?"), 3),
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
        failure: t("The enterprise's primary purpose is not a social or environmental mission.", "Основная цель предприятия — не социальная и не экологическая миссия."),
      },
      {
        id: "trading_income",
        label: t("At least 25% of income from trading", "Не менее 25% дохода от продаж"),
        question: "es_trading_income_share",
        min: 25,
        failure: t("Less than 25% of income comes from selling goods or services.", "Менее 25% дохода поступает от продажи товаров или услуг."),
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
