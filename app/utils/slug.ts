// Slugs for addresses: every script of the region becomes readable Latin rather than vanishing.
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ғ: "gh",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  і: "i",
  к: "k",
  қ: "q",
  л: "l",
  м: "m",
  н: "n",
  ң: "ng",
  о: "o",
  ө: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ұ: "u",
  ү: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  һ: "h",
  ҳ: "h",
  ц: "ts",
  ч: "ch",
  ҷ: "j",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ә: "a",
  ю: "yu",
  я: "ya",
  ӣ: "i",
  ӯ: "u",
};

// Turkmen and Uzbek Latin letters whose sound needs two Latin letters (ç = ch, ş = sh, ž = zh, ň = ng);
// the rest (ä, ö, ü, ý, oʻ, gʻ) lose only their marks.
const LATIN: Record<string, string> = { ç: "ch", ş: "sh", ž: "zh", ň: "ng", ý: "y", ʻ: "", ʼ: "", "‘": "", "’": "" };

// Dari and Pashto: consonants by their usual romanisation; short vowels are not written in the
// script, so a slug shows the consonants and the long vowels (alif, waw, ye).
const PERSO_ARABIC: Record<string, string> = {
  ا: "a",
  آ: "a",
  أ: "a",
  إ: "i",
  ب: "b",
  پ: "p",
  ت: "t",
  ټ: "t",
  ث: "s",
  ج: "j",
  چ: "ch",
  ح: "h",
  خ: "kh",
  څ: "ts",
  ځ: "dz",
  د: "d",
  ډ: "d",
  ذ: "z",
  ر: "r",
  ړ: "r",
  ز: "z",
  ژ: "zh",
  ږ: "zh",
  س: "s",
  ش: "sh",
  ښ: "kh",
  ص: "s",
  ض: "z",
  ط: "t",
  ظ: "z",
  ع: "",
  غ: "gh",
  ف: "f",
  ق: "q",
  ک: "k",
  ك: "k",
  ګ: "g",
  گ: "g",
  ل: "l",
  م: "m",
  ن: "n",
  ڼ: "n",
  ه: "h",
  ة: "a",
  ء: "",
  ئ: "y",
  ؤ: "w",
  ې: "e",
  ۍ: "ai",
  "\u200c": "-",
};
const ARABIC_LETTER = /[\u0600-\u06ff]/;

function transliterateChar(ch: string, previous: string, next: string): string {
  if (/[\u06f0-\u06f9]/.test(ch)) return String(ch.charCodeAt(0) - 0x06f0);
  if (/[\u0660-\u0669]/.test(ch)) return String(ch.charCodeAt(0) - 0x0660);
  // Waw and ye are consonants at the start of a word and vowels inside it.
  const wordStart = !ARABIC_LETTER.test(previous);
  if (ch === "و") return wordStart ? "w" : "u";
  if (ch === "ی" || ch === "ي" || ch === "ى") return wordStart && ARABIC_LETTER.test(next) ? "y" : "i";
  return CYRILLIC[ch] ?? LATIN[ch] ?? PERSO_ARABIC[ch] ?? ch;
}

/** A URL-safe slug from a name in any of the region's scripts: "Жасыл Қала" becomes "zhasyl-qala". */
export function slugify(name: string): string {
  const chars = [...name.toLowerCase()];
  const latin = chars.map((ch, i) => transliterateChar(ch, chars[i - 1] ?? " ", chars[i + 1] ?? " ")).join("");
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
