// Reference lists shared by server and browser: countries and their ISO 3166-2
// first-level regions, sectors, legal forms, SDGs, beneficiary groups, size bands.

export type Localized = { en: string; ru: string };

export const COUNTRY_CODES = ["KZ", "KG", "TJ", "TM", "UZ", "AF", "MN"] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export const COUNTRY_NAMES: Record<CountryCode, Localized> = {
  KZ: { en: "Kazakhstan", ru: "Казахстан" },
  KG: { en: "Kyrgyzstan", ru: "Кыргызстан" },
  TJ: { en: "Tajikistan", ru: "Таджикистан" },
  TM: { en: "Turkmenistan", ru: "Туркменистан" },
  UZ: { en: "Uzbekistan", ru: "Узбекистан" },
  AF: { en: "Afghanistan", ru: "Афганистан" },
  MN: { en: "Mongolia", ru: "Монголия" },
};

type Region = { code: string } & Localized;

export const REGIONS: Record<CountryCode, ReadonlyArray<Region>> = {
  KZ: [
    { code: "KZ-10", en: "Abai Region", ru: "Абайская область" },
    { code: "KZ-11", en: "Akmola Region", ru: "Акмолинская область" },
    { code: "KZ-15", en: "Aktobe Region", ru: "Актюбинская область" },
    { code: "KZ-19", en: "Almaty Region", ru: "Алматинская область" },
    { code: "KZ-23", en: "Atyrau Region", ru: "Атырауская область" },
    { code: "KZ-27", en: "West Kazakhstan Region", ru: "Западно-Казахстанская область" },
    { code: "KZ-31", en: "Zhambyl Region", ru: "Жамбылская область" },
    { code: "KZ-33", en: "Jetisu Region", ru: "Область Жетысу" },
    { code: "KZ-35", en: "Karaganda Region", ru: "Карагандинская область" },
    { code: "KZ-39", en: "Kostanay Region", ru: "Костанайская область" },
    { code: "KZ-43", en: "Kyzylorda Region", ru: "Кызылординская область" },
    { code: "KZ-47", en: "Mangystau Region", ru: "Мангистауская область" },
    { code: "KZ-55", en: "Pavlodar Region", ru: "Павлодарская область" },
    { code: "KZ-59", en: "North Kazakhstan Region", ru: "Северо-Казахстанская область" },
    { code: "KZ-61", en: "Turkistan Region", ru: "Туркестанская область" },
    { code: "KZ-62", en: "Ulytau Region", ru: "Область Улытау" },
    { code: "KZ-63", en: "East Kazakhstan Region", ru: "Восточно-Казахстанская область" },
    { code: "KZ-71", en: "Astana", ru: "г. Астана" },
    { code: "KZ-75", en: "Almaty", ru: "г. Алматы" },
    { code: "KZ-79", en: "Shymkent", ru: "г. Шымкент" },
  ],
  KG: [
    { code: "KG-B", en: "Batken Region", ru: "Баткенская область" },
    { code: "KG-C", en: "Chüy Region", ru: "Чуйская область" },
    { code: "KG-GB", en: "Bishkek", ru: "г. Бишкек" },
    { code: "KG-GO", en: "Osh (city)", ru: "г. Ош" },
    { code: "KG-J", en: "Jalal-Abad Region", ru: "Джалал-Абадская область" },
    { code: "KG-N", en: "Naryn Region", ru: "Нарынская область" },
    { code: "KG-O", en: "Osh Region", ru: "Ошская область" },
    { code: "KG-T", en: "Talas Region", ru: "Таласская область" },
    { code: "KG-Y", en: "Issyk-Kul Region", ru: "Иссык-Кульская область" },
  ],
  TJ: [
    { code: "TJ-DU", en: "Dushanbe", ru: "г. Душанбе" },
    { code: "TJ-GB", en: "Gorno-Badakhshan Autonomous Region", ru: "Горно-Бадахшанская автономная область" },
    { code: "TJ-KT", en: "Khatlon Region", ru: "Хатлонская область" },
    { code: "TJ-RA", en: "Districts of Republican Subordination", ru: "Районы республиканского подчинения" },
    { code: "TJ-SU", en: "Sughd Region", ru: "Согдийская область" },
  ],
  TM: [
    { code: "TM-A", en: "Ahal Region", ru: "Ахалский велаят" },
    { code: "TM-B", en: "Balkan Region", ru: "Балканский велаят" },
    { code: "TM-D", en: "Dashoguz Region", ru: "Дашогузский велаят" },
    { code: "TM-L", en: "Lebap Region", ru: "Лебапский велаят" },
    { code: "TM-M", en: "Mary Region", ru: "Марыйский велаят" },
    { code: "TM-S", en: "Ashgabat", ru: "г. Ашхабад" },
  ],
  UZ: [
    { code: "UZ-AN", en: "Andijan Region", ru: "Андижанская область" },
    { code: "UZ-BU", en: "Bukhara Region", ru: "Бухарская область" },
    { code: "UZ-FA", en: "Fergana Region", ru: "Ферганская область" },
    { code: "UZ-JI", en: "Jizzakh Region", ru: "Джизакская область" },
    { code: "UZ-NG", en: "Namangan Region", ru: "Наманганская область" },
    { code: "UZ-NW", en: "Navoiy Region", ru: "Навоийская область" },
    { code: "UZ-QA", en: "Kashkadarya Region", ru: "Кашкадарьинская область" },
    { code: "UZ-QR", en: "Republic of Karakalpakstan", ru: "Республика Каракалпакстан" },
    { code: "UZ-SA", en: "Samarkand Region", ru: "Самаркандская область" },
    { code: "UZ-SI", en: "Sirdaryo Region", ru: "Сырдарьинская область" },
    { code: "UZ-SU", en: "Surkhandarya Region", ru: "Сурхандарьинская область" },
    { code: "UZ-TK", en: "Tashkent", ru: "г. Ташкент" },
    { code: "UZ-TO", en: "Tashkent Region", ru: "Ташкентская область" },
    { code: "UZ-XO", en: "Khorezm Region", ru: "Хорезмская область" },
  ],
  AF: [
    { code: "AF-BDS", en: "Badakhshan", ru: "Бадахшан" },
    { code: "AF-BDG", en: "Badghis", ru: "Бадгис" },
    { code: "AF-BGL", en: "Baghlan", ru: "Баглан" },
    { code: "AF-BAL", en: "Balkh", ru: "Балх" },
    { code: "AF-BAM", en: "Bamyan", ru: "Бамиан" },
    { code: "AF-DAY", en: "Daykundi", ru: "Дайкунди" },
    { code: "AF-FRA", en: "Farah", ru: "Фарах" },
    { code: "AF-FYB", en: "Faryab", ru: "Фарьяб" },
    { code: "AF-GHA", en: "Ghazni", ru: "Газни" },
    { code: "AF-GHO", en: "Ghor", ru: "Гор" },
    { code: "AF-HEL", en: "Helmand", ru: "Гильменд" },
    { code: "AF-HER", en: "Herat", ru: "Герат" },
    { code: "AF-JOW", en: "Jowzjan", ru: "Джаузджан" },
    { code: "AF-KAB", en: "Kabul", ru: "Кабул" },
    { code: "AF-KAN", en: "Kandahar", ru: "Кандагар" },
    { code: "AF-KAP", en: "Kapisa", ru: "Каписа" },
    { code: "AF-KHO", en: "Khost", ru: "Хост" },
    { code: "AF-KNR", en: "Kunar", ru: "Кунар" },
    { code: "AF-KDZ", en: "Kunduz", ru: "Кундуз" },
    { code: "AF-LAG", en: "Laghman", ru: "Лагман" },
    { code: "AF-LOG", en: "Logar", ru: "Логар" },
    { code: "AF-NAN", en: "Nangarhar", ru: "Нангархар" },
    { code: "AF-NIM", en: "Nimruz", ru: "Нимроз" },
    { code: "AF-NUR", en: "Nuristan", ru: "Нуристан" },
    { code: "AF-PAN", en: "Panjshir", ru: "Панджшер" },
    { code: "AF-PAR", en: "Parwan", ru: "Парван" },
    { code: "AF-PIA", en: "Paktia", ru: "Пактия" },
    { code: "AF-PKA", en: "Paktika", ru: "Пактика" },
    { code: "AF-SAM", en: "Samangan", ru: "Саманган" },
    { code: "AF-SAR", en: "Sar-e Pol", ru: "Сари-Пуль" },
    { code: "AF-TAK", en: "Takhar", ru: "Тахар" },
    { code: "AF-URU", en: "Uruzgan", ru: "Урузган" },
    { code: "AF-WAR", en: "Wardak", ru: "Вардак" },
    { code: "AF-ZAB", en: "Zabul", ru: "Забуль" },
  ],
  MN: [
    { code: "MN-1", en: "Ulaanbaatar", ru: "г. Улан-Батор" },
    { code: "MN-073", en: "Arkhangai", ru: "Архангайский аймак" },
    { code: "MN-071", en: "Bayan-Ölgii", ru: "Баян-Улгийский аймак" },
    { code: "MN-069", en: "Bayankhongor", ru: "Баянхонгорский аймак" },
    { code: "MN-067", en: "Bulgan", ru: "Булганский аймак" },
    { code: "MN-037", en: "Darkhan-Uul", ru: "Дархан-Уульский аймак" },
    { code: "MN-061", en: "Dornod", ru: "Восточный аймак" },
    { code: "MN-063", en: "Dornogovi", ru: "Восточно-Гобийский аймак" },
    { code: "MN-059", en: "Dundgovi", ru: "Среднегобийский аймак" },
    { code: "MN-065", en: "Govi-Altai", ru: "Гоби-Алтайский аймак" },
    { code: "MN-064", en: "Govisümber", ru: "Гобисумбэрский аймак" },
    { code: "MN-039", en: "Khentii", ru: "Хэнтэйский аймак" },
    { code: "MN-043", en: "Khovd", ru: "Ховдский аймак" },
    { code: "MN-041", en: "Khövsgöl", ru: "Хубсугульский аймак" },
    { code: "MN-053", en: "Ömnögovi", ru: "Южно-Гобийский аймак" },
    { code: "MN-035", en: "Orkhon", ru: "Орхонский аймак" },
    { code: "MN-055", en: "Övörkhangai", ru: "Убурхангайский аймак" },
    { code: "MN-049", en: "Selenge", ru: "Селенгинский аймак" },
    { code: "MN-051", en: "Sükhbaatar", ru: "Сухэ-Баторский аймак" },
    { code: "MN-047", en: "Töv", ru: "Центральный аймак" },
    { code: "MN-046", en: "Uvs", ru: "Убсунурский аймак" },
    { code: "MN-057", en: "Zavkhan", ru: "Завханский аймак" },
  ],
};

export function isRegionOf(country: string, region: string): boolean {
  return (COUNTRY_CODES as readonly string[]).includes(country) && REGIONS[country as CountryCode].some((r) => r.code === region);
}

export const SECTORS = [
  "agriculture_food",
  "crafts_textiles",
  "education",
  "health_care",
  "social_services",
  "employment_training",
  "tourism_culture",
  "environment_recycling",
  "energy_water",
  "finance_microcredit",
  "technology_digital",
  "housing_construction",
  "retail_trade",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, Localized> = {
  agriculture_food: { en: "Agriculture and food", ru: "Сельское хозяйство и продукты питания" },
  crafts_textiles: { en: "Crafts and textiles", ru: "Ремёсла и текстиль" },
  education: { en: "Education", ru: "Образование" },
  health_care: { en: "Health care", ru: "Здравоохранение" },
  social_services: { en: "Social services and care", ru: "Социальные услуги и уход" },
  employment_training: { en: "Employment and vocational training", ru: "Трудоустройство и профобучение" },
  tourism_culture: { en: "Tourism and culture", ru: "Туризм и культура" },
  environment_recycling: { en: "Environment and recycling", ru: "Экология и переработка" },
  energy_water: { en: "Energy and water", ru: "Энергетика и вода" },
  finance_microcredit: { en: "Finance and microcredit", ru: "Финансы и микрокредитование" },
  technology_digital: { en: "Technology and digital services", ru: "Технологии и цифровые услуги" },
  housing_construction: { en: "Housing and construction", ru: "Жильё и строительство" },
  retail_trade: { en: "Retail and trade", ru: "Розничная торговля" },
  other: { en: "Other", ru: "Другое" },
};

export const LEGAL_FORMS = [
  "llp",
  "sole_proprietor",
  "public_association",
  "public_foundation",
  "cooperative",
  "non_commercial_other",
  "commercial_other",
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const LEGAL_FORM_LABELS: Record<LegalForm, Localized> = {
  llp: { en: "Limited liability partnership", ru: "Товарищество (общество) с ограниченной ответственностью" },
  sole_proprietor: { en: "Sole proprietor", ru: "Индивидуальный предприниматель" },
  public_association: { en: "Public association", ru: "Общественное объединение" },
  public_foundation: { en: "Public foundation", ru: "Общественный фонд" },
  cooperative: { en: "Cooperative", ru: "Кооператив" },
  non_commercial_other: { en: "Other non-commercial organisation", ru: "Другая некоммерческая организация" },
  commercial_other: { en: "Other commercial organisation", ru: "Другая коммерческая организация" },
};

export const SDGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;

export const SDG_LABELS: Record<number, Localized> = {
  1: { en: "No poverty", ru: "Ликвидация нищеты" },
  2: { en: "Zero hunger", ru: "Ликвидация голода" },
  3: { en: "Good health and well-being", ru: "Хорошее здоровье и благополучие" },
  4: { en: "Quality education", ru: "Качественное образование" },
  5: { en: "Gender equality", ru: "Гендерное равенство" },
  6: { en: "Clean water and sanitation", ru: "Чистая вода и санитария" },
  7: { en: "Affordable and clean energy", ru: "Недорогостоящая и чистая энергия" },
  8: { en: "Decent work and economic growth", ru: "Достойная работа и экономический рост" },
  9: { en: "Industry, innovation and infrastructure", ru: "Индустриализация, инновации и инфраструктура" },
  10: { en: "Reduced inequalities", ru: "Уменьшение неравенства" },
  11: { en: "Sustainable cities and communities", ru: "Устойчивые города и населённые пункты" },
  12: { en: "Responsible consumption and production", ru: "Ответственное потребление и производство" },
  13: { en: "Climate action", ru: "Борьба с изменением климата" },
  14: { en: "Life below water", ru: "Сохранение морских экосистем" },
  15: { en: "Life on land", ru: "Сохранение экосистем суши" },
  16: { en: "Peace, justice and strong institutions", ru: "Мир, правосудие и эффективные институты" },
  17: { en: "Partnerships for the goals", ru: "Партнёрство в интересах устойчивого развития" },
};

export const BENEFICIARY_GROUPS = [
  "women",
  "youth",
  "elders",
  "people_with_disabilities",
  "rural_communities",
  "migrants_returnees",
  "refugees_displaced",
  "low_income_families",
  "orphans_children",
  "ethnic_minorities",
  "former_prisoners",
  "people_with_health_conditions",
] as const;
export type BeneficiaryGroup = (typeof BENEFICIARY_GROUPS)[number];

export const BENEFICIARY_GROUP_LABELS: Record<BeneficiaryGroup, Localized> = {
  women: { en: "Women", ru: "Женщины" },
  youth: { en: "Young people", ru: "Молодёжь" },
  elders: { en: "Older people", ru: "Пожилые люди" },
  people_with_disabilities: { en: "People with disabilities", ru: "Люди с инвалидностью" },
  rural_communities: { en: "Rural communities", ru: "Сельские сообщества" },
  migrants_returnees: { en: "Migrants and returnees", ru: "Мигранты и вернувшиеся мигранты" },
  refugees_displaced: { en: "Refugees and displaced people", ru: "Беженцы и перемещённые лица" },
  low_income_families: { en: "Low-income families", ru: "Малообеспеченные семьи" },
  orphans_children: { en: "Orphans and children at risk", ru: "Сироты и дети в трудной ситуации" },
  ethnic_minorities: { en: "Ethnic minorities", ru: "Этнические меньшинства" },
  former_prisoners: { en: "Former prisoners", ru: "Бывшие заключённые" },
  people_with_health_conditions: { en: "People with chronic illness", ru: "Люди с хроническими заболеваниями" },
};

export const SIZE_BANDS = ["none", "micro", "small", "medium", "large"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** Size by paid staff: none (0), micro (1–9), small (10–49), medium (50–249), large (250+). */
export function sizeBand(employees: number): SizeBand {
  if (employees <= 0) return "none";
  if (employees < 10) return "micro";
  if (employees < 50) return "small";
  if (employees < 250) return "medium";
  return "large";
}

export const SIZE_BAND_LABELS: Record<SizeBand, Localized> = {
  none: { en: "No employees", ru: "Без сотрудников" },
  micro: { en: "Micro (1–9)", ru: "Микро (1–9)" },
  small: { en: "Small (10–49)", ru: "Малое (10–49)" },
  medium: { en: "Medium (50–249)", ru: "Среднее (50–249)" },
  large: { en: "Large (250+)", ru: "Крупное (250+)" },
};

export const CURRENCIES = ["KZT", "KGS", "TJS", "TMT", "UZS", "AFN", "MNT", "USD", "EUR"] as const;
export type Currency = (typeof CURRENCIES)[number];
