// Every language's translations, for the server (plain imports, so scripts run by tsx can use them
// too). The browser loads only its own language (app/locales/load.client.ts).
import type { Resource } from "i18next";
import enCommon from "./en/common.json";
import enMethodology from "./en/methodology.json";
import enReference from "./en/reference.json";
import enLegal from "./en/legal.json";
import ruCommon from "./ru/common.json";
import ruMethodology from "./ru/methodology.json";
import ruReference from "./ru/reference.json";
import ruLegal from "./ru/legal.json";
import kkCommon from "./kk/common.json";
import kkMethodology from "./kk/methodology.json";
import kkReference from "./kk/reference.json";
import kkLegal from "./kk/legal.json";
import kyCommon from "./ky/common.json";
import kyMethodology from "./ky/methodology.json";
import kyReference from "./ky/reference.json";
import kyLegal from "./ky/legal.json";
import uzCommon from "./uz/common.json";
import uzMethodology from "./uz/methodology.json";
import uzReference from "./uz/reference.json";
import uzLegal from "./uz/legal.json";
import tgCommon from "./tg/common.json";
import tgMethodology from "./tg/methodology.json";
import tgReference from "./tg/reference.json";
import tgLegal from "./tg/legal.json";
import tkCommon from "./tk/common.json";
import tkMethodology from "./tk/methodology.json";
import tkReference from "./tk/reference.json";
import tkLegal from "./tk/legal.json";
import mnCommon from "./mn/common.json";
import mnMethodology from "./mn/methodology.json";
import mnReference from "./mn/reference.json";
import mnLegal from "./mn/legal.json";
import faAFCommon from "./fa-AF/common.json";
import faAFMethodology from "./fa-AF/methodology.json";
import faAFReference from "./fa-AF/reference.json";
import faAFLegal from "./fa-AF/legal.json";
import psCommon from "./ps/common.json";
import psMethodology from "./ps/methodology.json";
import psReference from "./ps/reference.json";
import psLegal from "./ps/legal.json";

export const resources: Resource = {
  en: { common: enCommon, methodology: enMethodology, reference: enReference, legal: enLegal },
  ru: { common: ruCommon, methodology: ruMethodology, reference: ruReference, legal: ruLegal },
  kk: { common: kkCommon, methodology: kkMethodology, reference: kkReference, legal: kkLegal },
  ky: { common: kyCommon, methodology: kyMethodology, reference: kyReference, legal: kyLegal },
  uz: { common: uzCommon, methodology: uzMethodology, reference: uzReference, legal: uzLegal },
  tg: { common: tgCommon, methodology: tgMethodology, reference: tgReference, legal: tgLegal },
  tk: { common: tkCommon, methodology: tkMethodology, reference: tkReference, legal: tkLegal },
  mn: { common: mnCommon, methodology: mnMethodology, reference: mnReference, legal: mnLegal },
  "fa-AF": { common: faAFCommon, methodology: faAFMethodology, reference: faAFReference, legal: faAFLegal },
  ps: { common: psCommon, methodology: psMethodology, reference: psReference, legal: psLegal },
};
