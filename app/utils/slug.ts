const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", і: "i",
  к: "k", қ: "q", л: "l", м: "m", н: "n", ң: "ng", о: "o", ө: "o", п: "p", р: "r", с: "s", т: "t", у: "u",
  ұ: "u", ү: "u", ў: "u", ф: "f", х: "kh", һ: "h", ҳ: "h", ц: "ts", ч: "ch", ҷ: "j", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ә: "a", ю: "yu", я: "ya", ӣ: "i", ӯ: "u",
};

/** A URL-safe slug from a name in Latin or Cyrillic script: "Жасыл Қала" becomes "zhasyl-qala". */
export function slugify(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join("");
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
