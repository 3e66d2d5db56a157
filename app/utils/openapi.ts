import { currentMethodology } from "../../scoring";
import type { Translate } from "~/utils/i18n";
import { DATA_LICENCE } from "~/utils/licence";
import { COUNTRY_CODES, SECTORS, SIZE_BANDS } from "~/utils/reference-data";
import { TRUST_LABELS } from "~/utils/sector-filters";
import { SORTS } from "~/utils/directory-filters";

const string = { type: "string" } as const;
const boolean = { type: "boolean" } as const;
const dimensions = currentMethodology.dimensions.map((d) => d.id);
const tiers = currentMethodology.tiers.map((t) => t.id);

const query = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

/** The OpenAPI 3.1 document of the open data API; a test checks it and real responses against it. */
export function openApiDocument(serverUrl: string, t: Translate) {
  return {
    openapi: "3.1.0",
    info: {
      title: t("openapi.ortaqOpenDataApi"),
      version: "1.0.0",
      description: t("openapi.apiDescription"),
      // The data's licence (docs/decisions/018-licences.md); each answer names it in a Link header too.
      // OpenAPI 3.1 takes an SPDX identifier or an address, not both; the Link header gives the address.
      license: { name: DATA_LICENCE.name, identifier: DATA_LICENCE.identifier },
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/v1/enterprises": {
        get: {
          operationId: "listEnterprises",
          summary: t("openapi.ratedEnterprisesFilteredAnd"),
          parameters: [
            query("country", t("openapi.paramCountry"), { type: "string", enum: [...COUNTRY_CODES] }),
            query("region", t("openapi.paramRegion"), { type: "string" }),
            query("sector", t("openapi.paramSector"), { type: "string", enum: [...SECTORS] }),
            query("tier", t("openapi.paramTier"), { type: "string", enum: tiers }),
            query("minScore", t("openapi.paramMinscore"), { type: "number", minimum: 0, maximum: 100 }),
            query("trust", t("openapi.paramTrust"), { type: "string", enum: [...TRUST_LABELS] }),
            query("eligible", t("openapi.paramEligible"), boolean),
            query("sdg", t("openapi.paramSdg"), { type: "integer", minimum: 1, maximum: 17 }),
            query("size", t("openapi.paramSize"), { type: "string", enum: [...SIZE_BANDS] }),
            query("womenLed", t("openapi.paramWomenled"), boolean),
            query("youthLed", t("openapi.paramYouthled"), boolean),
            query("registered", t("registers.openapi.paramRegistered"), boolean),
            query("q", t("openapi.paramQ"), { type: "string", maxLength: 200 }),
            query("sort", t("openapi.paramSort"), { type: "string", enum: [...SORTS], default: "score" }),
            query("cursor", t("openapi.paramCursor"), string),
            query("limit", t("openapi.paramLimit"), { type: "integer", minimum: 1, maximum: 100, default: 20 }),
          ],
          responses: {
            "200": {
              description: t("openapi.aPageOfEnterprises"),
              content: { "application/json": { schema: { $ref: "#/components/schemas/EnterprisePage" } } },
            },
            "400": {
              description: t("openapi.invalidParameters"),
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
            "429": {
              description: t("openapi.tooManyRequests"),
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          },
        },
      },
      "/api/v1/enterprises/{slug}": {
        get: {
          operationId: "getEnterprise",
          summary: t("openapi.aPublishedEnterpriseWith"),
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } }],
          responses: {
            "200": {
              description: t("openapi.theEnterprise"),
              content: { "application/json": { schema: { $ref: "#/components/schemas/Enterprise" } } },
            },
            "404": {
              description: t("openapi.noPublishedEnterpriseHas"),
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
            "429": {
              description: t("openapi.tooManyRequests"),
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        DirectoryItem: {
          type: "object",
          additionalProperties: false,
          required: [
            "slug",
            "name",
            "country",
            "region",
            "sector",
            "sizeBand",
            "employees",
            "womenLed",
            "youthLed",
            "sdgs",
            "overall",
            "tier",
            "trust",
            "verifiedAt",
            "verifiedBy",
            "eligible",
            "registeredSince",
            "ratedAt",
            "description",
          ],
          properties: {
            slug: string,
            name: string,
            country: { type: "string", enum: [...COUNTRY_CODES] },
            region: string,
            sector: { type: "string", enum: [...SECTORS] },
            sizeBand: { type: "string", enum: [...SIZE_BANDS] },
            employees: { type: "integer", minimum: 0 },
            womenLed: boolean,
            youthLed: boolean,
            sdgs: { type: "array", items: { type: "integer", minimum: 1, maximum: 17 } },
            overall: { type: "number", minimum: 0, maximum: 100 },
            tier: { type: "string", enum: tiers },
            trust: { type: "string", enum: [...TRUST_LABELS] },
            verifiedAt: { type: ["string", "null"], format: "date-time", description: t("openapi.whenAVerifierCompleted") },
            verifiedBy: { type: ["string", "null"], description: t("openapi.theVerifierSOrganisation") },
            eligible: boolean,
            registeredSince: { type: ["string", "null"], format: "date", description: t("registers.openapi.registeredSince") },
            ratedAt: { type: "string", format: "date-time" },
            description: string,
          },
        },
        EnterprisePage: {
          type: "object",
          additionalProperties: false,
          required: ["items", "nextCursor"],
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/DirectoryItem" } },
            nextCursor: { type: ["string", "null"] },
          },
        },
        Rating: {
          type: "object",
          additionalProperties: false,
          required: ["methodologyVersion", "ratedAt", "trust", "verifiedAt", "verifiedBy", "overall", "tier", "eligible", "dimensions"],
          properties: {
            methodologyVersion: string,
            ratedAt: { type: "string", format: "date-time" },
            trust: { type: "string", enum: [...TRUST_LABELS] },
            verifiedAt: { type: ["string", "null"], format: "date-time", description: t("openapi.whenAVerifierCompleted") },
            verifiedBy: { type: ["string", "null"], description: t("openapi.theVerifierSOrganisation") },
            overall: { type: "number", minimum: 0, maximum: 100 },
            tier: { type: "string", enum: tiers },
            eligible: boolean,
            dimensions: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["id", "score"],
                properties: { id: { type: "string", enum: dimensions }, score: { type: "number", minimum: 0, maximum: 100 } },
              },
            },
          },
        },
        Enterprise: {
          type: "object",
          additionalProperties: false,
          required: [
            "slug",
            "name",
            "legalForm",
            "country",
            "region",
            "city",
            "sector",
            "foundedYear",
            "employees",
            "womenLed",
            "youthLed",
            "description",
            "mission",
            "website",
            "sdgs",
            "beneficiaryGroups",
            "nationalRegister",
            "ratings",
          ],
          properties: {
            slug: string,
            name: string,
            legalForm: string,
            country: { type: "string", enum: [...COUNTRY_CODES] },
            region: string,
            city: string,
            sector: { type: "string", enum: [...SECTORS] },
            foundedYear: { type: "integer" },
            employees: { type: "integer", minimum: 0 },
            womenLed: boolean,
            youthLed: boolean,
            description: string,
            mission: string,
            website: { type: ["string", "null"] },
            sdgs: { type: "array", items: { type: "integer", minimum: 1, maximum: 17 } },
            beneficiaryGroups: { type: "array", items: string },
            nationalRegister: {
              description: t("registers.openapi.nationalRegister"),
              oneOf: [
                { type: "null" },
                {
                  type: "object",
                  additionalProperties: false,
                  required: ["status", "since", "removedAt", "category"],
                  properties: {
                    status: { type: "string", enum: ["registered", "removed"] },
                    since: { type: "string", format: "date", description: t("registers.openapi.since") },
                    removedAt: { type: ["string", "null"], format: "date-time", description: t("registers.openapi.removedAt") },
                    category: { type: ["string", "null"] },
                  },
                },
              ],
            },
            ratings: { type: "array", items: { $ref: "#/components/schemas/Rating" } },
          },
        },
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: string, message: string, invalid: { type: "array", items: string } },
            },
          },
        },
      },
    },
  };
}
