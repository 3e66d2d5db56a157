/**
 * The licence of Ortaq's open data (the API, the CSV exports and the pages that offer them):
 * Creative Commons Attribution 4.0 (docs/decisions/018-licences.md). The code is MIT (LICENSE).
 */
export const DATA_LICENCE = {
  name: "CC BY 4.0",
  identifier: "CC-BY-4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** The `Link` header (RFC 8288's `license` relation) sent with every open data answer. */
export const DATA_LICENCE_LINK = `<${DATA_LICENCE.url}>; rel="license"`;
