// Every language's translations, for the server (plain imports, so scripts run by tsx can use them
// too). The browser loads only its own language (app/locales/load.client.ts).
import type { Resource } from "i18next";
import enCommon from "./en/common.json";
import enMethodology from "./en/methodology.json";
import enReference from "./en/reference.json";
import ruCommon from "./ru/common.json";
import ruMethodology from "./ru/methodology.json";
import ruReference from "./ru/reference.json";
import kkCommon from "./kk/common.json";
import kkMethodology from "./kk/methodology.json";
import kkReference from "./kk/reference.json";
import kyCommon from "./ky/common.json";
import kyMethodology from "./ky/methodology.json";
import kyReference from "./ky/reference.json";
import uzCommon from "./uz/common.json";
import uzMethodology from "./uz/methodology.json";
import uzReference from "./uz/reference.json";
import tgCommon from "./tg/common.json";
import tgMethodology from "./tg/methodology.json";
import tgReference from "./tg/reference.json";
import tkCommon from "./tk/common.json";
import tkMethodology from "./tk/methodology.json";
import tkReference from "./tk/reference.json";
import mnCommon from "./mn/common.json";
import mnMethodology from "./mn/methodology.json";
import mnReference from "./mn/reference.json";
import faAFCommon from "./fa-AF/common.json";
import faAFMethodology from "./fa-AF/methodology.json";
import faAFReference from "./fa-AF/reference.json";
import psCommon from "./ps/common.json";
import psMethodology from "./ps/methodology.json";
import psReference from "./ps/reference.json";

export const resources: Resource = {
  en: { common: enCommon, methodology: enMethodology, reference: enReference },
  ru: { common: ruCommon, methodology: ruMethodology, reference: ruReference },
  kk: { common: kkCommon, methodology: kkMethodology, reference: kkReference },
  ky: { common: kyCommon, methodology: kyMethodology, reference: kyReference },
  uz: { common: uzCommon, methodology: uzMethodology, reference: uzReference },
  tg: { common: tgCommon, methodology: tgMethodology, reference: tgReference },
  tk: { common: tkCommon, methodology: tkMethodology, reference: tkReference },
  mn: { common: mnCommon, methodology: mnMethodology, reference: mnReference },
  "fa-AF": { common: faAFCommon, methodology: faAFMethodology, reference: faAFReference },
  ps: { common: psCommon, methodology: psMethodology, reference: psReference },
};
