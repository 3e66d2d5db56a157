// Which of Ortaq's languages a forum post is written in, guessed from its text: first the script
// (Perso-Arabic, Cyrillic or Latin), then the letters and everyday words that only one language of
// that script uses. Pure, so it runs anywhere; the author can always correct the guess.
import type { Language } from "~/utils/i18n";

type Script = "arabic" | "cyrillic" | "latin";

interface Evidence {
  /** Letters only this language (or few others) uses, with how much one occurrence counts. */
  letters: [RegExp, number][];
  /** Common words of this language that the others of its script do not use. */
  words: ReadonlySet<string>;
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

// Weights: a letter only one language has counts 2; a letter two or three share counts less,
// so that the words decide between them.
const EVIDENCE: Record<Script, Partial<Record<Language, Evidence>>> = {
  arabic: {
    ps: { letters: [[/[ټډړښږځڅۍېڼګ]/gu, 2]], words: words("د او په چې دې کې ته دا یو سره لپاره دي وي کوي موږ تاسو زه دغه") },
    "fa-AF": { letters: [], words: words("و در از با این است را برای ما می شد شده بود یک آن ها های شما خود نیز یا اما باید هستند") },
  },
  cyrillic: {
    ru: {
      letters: [],
      words: words(
        "и в не на что это как мы с по для но у к от о из за же так его они есть или было только уже все вы бы когда если нас нам очень можно нужно который также спасибо здравствуйте привет пожалуйста нет",
      ),
    },
    kk: {
      letters: [
        [/[әұіһ]/gu, 2],
        [/[ғқ]/gu, 1],
        [/ң/gu, 1],
        [/[өү]/gu, 0.5],
      ],
      words: words("және бұл үшін біз сіз емес болады туралы бойынша қажет деген осы бірақ рахмет сәлеметсіз"),
    },
    ky: {
      letters: [
        [/ң/gu, 1],
        [/[өү]/gu, 0.5],
      ],
      words: words(
        "жана үчүн менен бул эмес болот биз сиз жөнүндө боюнча ошол ушул дагы абдан анткени эле чейин бирок рахмат саламатсызбы",
      ),
    },
    tg: {
      letters: [
        [/[ӣӯҳҷ]/gu, 2],
        [/[ғқ]/gu, 1],
      ],
      words: words("ва дар ки бо аз барои мо шумо аст ин низ мебошад буд карда кардан агар вале лекин"),
    },
    mn: {
      letters: [
        [/[өү]/gu, 0.5],
        // Long vowels are written doubled in Mongolian (and Kyrgyz, which ң and its words tell apart), hardly ever in Russian.
        [/аа|оо|ээ|уу/gu, 0.5],
      ],
      words: words(
        "болон бол юм байна байгаа байсан бөгөөд болно энэ тэр нь бид гэж гэсэн хэрэгтэй мөн дээр тухай талаар төлөө ба байх вэ бэ гэвч учраас хүмүүс маш сайн баярлалаа",
      ),
    },
  },
  latin: {
    en: {
      letters: [],
      words: words(
        "the and of to is in for that with are this it on you have be not our as from or by can what was will they their how there an would which about who thanks thank hello yes please",
      ),
    },
    uz: {
      letters: [
        [/[oOgG][ʻ‘]/gu, 3],
        [/[oOgG]['’`]/gu, 1],
        [/q(?!u)/gu, 0.5],
      ],
      words: words(
        "va uchun bilan emas ham kerak yoki lekin juda mumkin edi esa hamda shu ular nima agar qanday haqida rahmat assalomu boʻlgan boʻyicha yoʻq koʻp",
      ),
    },
    tk: {
      letters: [[/[ňýžşçäöü]/gu, 2]],
      words: words("bilen üçin hem gerek däl ýok edip barada köp ýaly bolsa bolan onuň biziň siziň näme eger ýöne sag"),
    },
  },
};

// When nothing tells the languages of a script apart, the most widely read one; on a tie, the order.
const ORDER: Record<Script, Language[]> = {
  arabic: ["fa-AF", "ps"],
  cyrillic: ["ru", "mn", "ky", "kk", "tg"],
  latin: ["en", "uz", "tk"],
};

const SCRIPT_LETTERS: Record<Script, RegExp> = {
  arabic: /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu,
  cyrillic: /[\u0400-\u04FF\u0500-\u052F]/gu,
  latin: /[A-Za-z\u00C0-\u024F]/gu,
};

/** The text the author wrote: without quoted lines (someone else's words), code, links and @handles. */
function ownWords(markdown: string) {
  return markdown
    .replace(/^ {0,3}>.*$/gm, " ")
    .replace(/```[\s\S]*?```|`[^`\n]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, " ")
    .replace(/@[\w-]+/g, " ");
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * The language `text` is most likely written in. `fallback` (the author's interface language) is
 * taken when the text does not say: no letters at all, or nothing that tells the languages of its
 * script apart, or a tie it is part of.
 */
export function guessLanguage(text: string, fallback: Language): Language {
  const own = ownWords(text).toLowerCase();
  const scripts = (Object.keys(SCRIPT_LETTERS) as Script[]).map((script) => ({ script, letters: count(own, SCRIPT_LETTERS[script]) }));
  const { script, letters } = scripts.reduce((best, next) => (next.letters > best.letters ? next : best));
  if (letters === 0) return fallback;
  const tokens = own.match(/[\p{L}\p{M}ʻ'’‘`]+/gu) ?? [];
  const candidates = ORDER[script];
  const scores = candidates.map((language) => {
    const evidence = EVIDENCE[script][language]!;
    const fromLetters = evidence.letters.reduce((sum, [pattern, weight]) => sum + count(own, pattern) * weight, 0);
    const fromWords = tokens.filter((token) => evidence.words.has(token.replace(/['’‘`]/g, "ʻ")) || evidence.words.has(token)).length;
    return { language, score: fromLetters + fromWords };
  });
  const best = Math.max(...scores.map((s) => s.score));
  if (best === 0) return candidates.includes(fallback) ? fallback : candidates[0]!;
  const top = scores.filter((s) => s.score === best).map((s) => s.language);
  return top.includes(fallback) ? fallback : top[0]!;
}
