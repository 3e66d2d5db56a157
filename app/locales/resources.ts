import en from "./en";
import ru from "./ru";

export const resources = {
  en: { common: en },
  ru: { common: ru },
};
