// Needs no database.
import { describe, expect, test } from "vitest";
import { guessLanguage } from "./guess-language";

describe("guessLanguage", () => {
  test.each([
    ["en", "We built forty solar dryers for apricots, and the families who run them are paid fairly."],
    ["ru", "Делюсь опытом: в прошлом году наш цех получил займ без залога в местной микрофинансовой организации."],
    ["kk", "Біз әйелдерге жұмыс беретін шағын тігін цехын аштық. Несие алу үшін не қажет?"],
    ["ky", "Биз Каракол шаарында кийиз цехин ачтык, азыр анда он эки аял иштейт. Насыя алуу үчүн эмне керек?"],
    ["tg", "Мо дар Хуҷанд як коргоҳи хурд кушодем ва ҳоло дар он даҳ зан кор мекунанд."],
    ["mn", "Бид Улаанбаатарт нийгмийн аж ахуйн нэгж байгуулсан бөгөөд одоо арван хүн ажиллаж байна."],
    ["uz", "Biz Fargʻonada oʻrik quritish uchun quyosh qurilmalarini oʻrnatdik, hozir ularda oltmish oila ishlaydi."],
    ["tk", "Biz Aşgabatda ýaşlar üçin kiçi tikin ussahanasyny açdyk, häzir ol ýerde on zenan işleýär."],
    ["fa-AF", "ما در هرات یک کارگاه کوچک خیاطی برای زنان باز کردیم و اکنون ده نفر در آن کار می‌کنند."],
    ["ps", "موږ په کندهار کې د ښځو لپاره د خیاطۍ یوه کوچنۍ کارځای پرانیسته او اوس لس کسان پکې کار کوي."],
  ] as const)("reads %s from a sentence in it", (language, text) => {
    expect(guessLanguage(text, "en")).toBe(language);
    expect(guessLanguage(text, "ru")).toBe(language);
  });

  test("tells Kazakh from Kyrgyz and Mongolian by the letters and words only each uses", () => {
    expect(guessLanguage("Бұл мәселе бойынша кеңес беріңіздер.", "ky")).toBe("kk");
    expect(guessLanguage("Бул маселе боюнча кеңеш бериңиздер.", "kk")).toBe("ky");
    expect(guessLanguage("Энэ асуудлын талаар зөвлөгөө өгнө үү.", "ky")).toBe("mn");
    expect(guessLanguage("Ноос боловсруулах хоршоо: малчдаас шууд худалдан авах туршлага", "en")).toBe("mn");
  });

  test("Uzbek typed with a plain apostrophe is still Uzbek", () => {
    expect(guessLanguage("Bu loyiha bo'yicha yo'riqnoma kerak, o'qituvchilar uchun.", "en")).toBe("uz");
  });

  test("quoted lines, links and @handles are someone else's words and do not count", () => {
    const reply =
      "> Делюсь опытом: в прошлом году наш цех получил займ без залога.\n\nThank you, this is useful for our committee. @aigerim-sadykova";
    expect(guessLanguage(reply, "ru")).toBe("en");
  });

  test("a Russian post naming a Kazakh place stays Russian", () => {
    expect(guessLanguage("Мы работаем в Қызылорде уже три года и ищем партнёров.", "kk")).toBe("ru");
  });

  test("takes the author's interface language when the text does not tell", () => {
    expect(guessLanguage("2025 — 40%", "mn")).toBe("mn");
    expect(guessLanguage("", "ps")).toBe("ps");
    // Plain Cyrillic with nothing to tell the languages apart: the author's language if it is written in Cyrillic…
    expect(guessLanguage("Алматы", "kk")).toBe("kk");
    // …and Russian otherwise; plain Latin likewise falls to English, plain Perso-Arabic to Dari.
    expect(guessLanguage("Алматы", "uz")).toBe("ru");
    expect(guessLanguage("Salom", "uz")).toBe("uz");
    expect(guessLanguage("Salom", "fa-AF")).toBe("en");
    expect(guessLanguage("سلام", "en")).toBe("fa-AF");
    expect(guessLanguage("سلام", "ps")).toBe("ps");
  });
});
