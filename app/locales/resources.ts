import enCommon from "./en/common.json";
import ruCommon from "./ru/common.json";

export const resources = {
  en: { common: enCommon },
  ru: { common: ruCommon },
};
