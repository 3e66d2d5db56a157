import { currentMethodology } from "../../scoring";
import { COUNTRY_CODES, SECTORS, SIZE_BANDS } from "~/utils/reference-data";
import { TRUST_LABELS } from "~/utils/sector-filters";
import { SORTS } from "~/utils/directory-filters";

const string = { type: "string" } as const;
const boolean = { type: "boolean" } as const;
const dimensions = currentMethodology.dimensions.map((d) => d.id);
const tiers = currentMethodology.tiers.map((t) => t.id);

const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: "query", required: false, description, schema });

/** The OpenAPI 3.1 document of the open data API; a test checks it and real responses against it. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Ortaq open data API",
      version: "1.0.0",
      description:
        "Published social enterprise profiles and ratings of the Central Asian social enterprise rating. Read-only, public, and limited per client address (HTTP 429 with Retry-After past the limit). Only published data is ever returned.",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/v1/enterprises": {
        get: {
          operationId: "listEnterprises",
          summary: "Rated enterprises, filtered and sorted, with cursor pagination",
          parameters: [
            query("country", "ISO 3166-1 alpha-2 code", { type: "string", enum: [...COUNTRY_CODES] }),
            query("region", "ISO 3166-2 code of a first-level region", { type: "string" }),
            query("sector", "Sector id", { type: "string", enum: [...SECTORS] }),
            query("tier", "Tier id", { type: "string", enum: tiers }),
            query("minScore", "Lowest overall score, 0 to 100", { type: "number", minimum: 0, maximum: 100 }),
            query("trust", "Trust label: self_assessed, verified (by an independent verifier within the last 24 months) or expired (verified more than 24 months ago)", { type: "string", enum: [...TRUST_LABELS] }),
            query("eligible", "Only enterprises that pass (true) or fail (false) the eligibility gate", boolean),
            query("sdg", "Works on this Sustainable Development Goal", { type: "integer", minimum: 1, maximum: 17 }),
            query("size", "Size band by employees", { type: "string", enum: [...SIZE_BANDS] }),
            query("womenLed", "Led by a woman", boolean),
            query("youthLed", "Founded by someone under 30", boolean),
            query("q", "Words to search for in name, description and mission (English and Russian)", { type: "string", maxLength: 200 }),
            query("sort", "Order of the list", { type: "string", enum: [...SORTS], default: "score" }),
            query("cursor", "The nextCursor of the previous page", string),
            query("limit", "Items per page", { type: "integer", minimum: 1, maximum: 100, default: 20 }),
          ],
          responses: {
            "200": { description: "A page of enterprises", content: { "application/json": { schema: { $ref: "#/components/schemas/EnterprisePage" } } } },
            "400": { description: "Invalid parameters", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            "429": { description: "Too many requests", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          },
        },
      },
      "/api/v1/enterprises/{slug}": {
        get: {
          operationId: "getEnterprise",
          summary: "A published enterprise with its published ratings",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } }],
          responses: {
            "200": { description: "The enterprise", content: { "application/json": { schema: { $ref: "#/components/schemas/Enterprise" } } } },
            "404": { description: "No published enterprise has this slug", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            "429": { description: "Too many requests", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        DirectoryItem: {
          type: "object",
          additionalProperties: false,
          required: ["slug", "name", "country", "region", "sector", "sizeBand", "employees", "womenLed", "youthLed", "sdgs", "overall", "tier", "trust", "verifiedAt", "verifiedBy", "eligible", "ratedAt", "description"],
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
            verifiedAt: { type: ["string", "null"], format: "date-time", description: "When a verifier completed the review whose scores are shown; null when self-assessed" },
            verifiedBy: { type: ["string", "null"], description: "The verifier's organisation; null when self-assessed" },
            eligible: boolean,
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
            verifiedAt: { type: ["string", "null"], format: "date-time", description: "When a verifier completed the review whose scores are shown; null when self-assessed" },
            verifiedBy: { type: ["string", "null"], description: "The verifier's organisation; null when self-assessed" },
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
          required: ["slug", "name", "legalForm", "country", "region", "city", "sector", "foundedYear", "employees", "womenLed", "youthLed", "description", "mission", "website", "sdgs", "beneficiaryGroups", "ratings"],
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
