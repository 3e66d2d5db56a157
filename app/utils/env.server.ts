import { z } from "zod";

const blankAsUnset = (value: unknown) => (value === "" ? undefined : value);

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const PROXY_ADDRESS = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/[0-9]{1,3})?$/i;

/**
 * Which proxies in front of the app are trusted to say who the client is (Express's "trust proxy"):
 * `false` none; a number of hops (`1`: one proxy, whose own addition, the right-most `X-Forwarded-For`
 * address, is the client); or a comma-separated list of proxy addresses or subnets. `true` is read as
 * `1`: trusting every hop would let a client name any address as its own in the left-most entry.
 */
export function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const text = value.trim().toLowerCase();
  if (text === "false" || text === "0") return false;
  if (text === "true") return 1;
  if (/^[0-9]+$/.test(text)) return Math.min(Number(text), 32);
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length > 0 && entries.every((entry) => PROXY_NAMES.has(entry) || PROXY_ADDRESS.test(entry))) return entries;
  ctx.addIssue({
    code: "custom",
    message: "must be false, a number of proxy hops (1 for one proxy) or a comma-separated list of proxy addresses",
  });
  return z.NEVER;
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // The marked lookups prepared once per connection under a name (decision 037); `false` for a connection pooler
  // in transaction mode that does not carry prepared statements across (PgBouncer before 1.21).
  DATABASE_PREPARED_STATEMENTS: z.preprocess(
    blankAsUnset,
    z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
  ),
  // Server processes behind the one port (production only); blank or unset: one per CPU core.
  WEB_CONCURRENCY: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(64).optional()),
  // The JavaScript heap each of those processes may grow to, in MB (V8's old space); 0 leaves V8's own limit
  // (a quarter of the machine's memory), which a busy process grows into. Exports are streamed (decision 030),
  // so nothing needs more; the kept pages (PAGE_CACHE_MB) live in this heap too.
  SERVER_HEAP_MB: z.coerce
    .number()
    .int()
    .refine((mb) => mb === 0 || (mb >= 128 && mb <= 65_536), "must be 0 or between 128 and 65536")
    .default(256),
  // Rendered public pages kept per process for anonymous readers: how long at most, and how much memory.
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4_096).default(64),
  TRUST_PROXY: z.preprocess(blankAsUnset, z.string().default("false")).transform(parseTrustProxy),
  ORTAQ_DATA_DIR: z.string().default("./data/postgres"),
  ORTAQ_SEED: z.enum(["auto", "never"]).default("auto"),
  SESSION_SECURE_COOKIE: z.enum(["true", "false"]).optional(),
  STRIPE_SECRET_KEY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_...)")
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^whsec_/, "must be a Stripe webhook secret (whsec_...)")
      .optional(),
  ),
  STRIPE_CURRENCIES: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[A-Za-z]{3}(,[A-Za-z]{3})*$/, "must be a comma-separated list of currency codes")
      .optional(),
  ),
  STRIPE_API_BASE: z.preprocess(blankAsUnset, z.url().optional()),
  STRIPE_CHECKOUT_ORIGIN: z.preprocess(blankAsUnset, z.url().optional()),
  EVIDENCE_DIR: z.preprocess(blankAsUnset, z.string().default("./data/evidence")),
  // An S3-compatible bucket for evidence files instead of EVIDENCE_DIR (which then only holds uploads
  // being checked): the bucket's address, path style, such as https://s3.eu-central-1.amazonaws.com/ortaq-evidence.
  EVIDENCE_S3_URL: z.preprocess(
    blankAsUnset,
    z
      .url()
      .regex(
        /^https?:\/\/[^/?#]+\/[^/?#]+\/?$/i,
        "must be the bucket's http:// or https:// address, such as https://s3.example.org/ortaq-evidence",
      )
      .optional(),
  ),
  EVIDENCE_S3_REGION: z.preprocess(blankAsUnset, z.string().default("us-east-1")),
  EVIDENCE_S3_ACCESS_KEY_ID: z.preprocess(blankAsUnset, z.string().optional()),
  EVIDENCE_S3_SECRET_ACCESS_KEY: z.preprocess(blankAsUnset, z.string().optional()),
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024, "must be at least 1024 bytes")
    .max(1_073_741_824, "must be at most 1 GiB")
    .default(10 * 1024 * 1024),
  // A register file is read in memory: official registers run to a few thousand rows (about 1 MB).
  REGISTER_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024, "must be at least 1024 bytes")
    .max(100 * 1024 * 1024, "must be at most 100 MiB (the file is read in memory)")
    .default(5 * 1024 * 1024),
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
  ADMIN_EMAIL: z.preprocess(blankAsUnset, z.email().optional()),
  ADMIN_PASSWORD: z.preprocess(blankAsUnset, z.string().min(10, "must be at least 10 characters").optional()),
  PUBLIC_URL: z.preprocess(
    blankAsUnset,
    z
      .url()
      .regex(/^https?:\/\/[^/?#]+\/?$/i, "must be the site's http:// or https:// address without a path, such as https://ortaq.example.org")
      .optional(),
  ),
  SMTP_URL: z.preprocess(
    blankAsUnset,
    z
      .url()
      .regex(/^smtps?:\/\/[^/]/i, "must be an smtp:// or smtps:// URL such as smtp://user:pass@host:587")
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(
        /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
        "must be an address such as no-reply@example.org or Ortaq <no-reply@example.org>",
      )
      .optional(),
  ),
  MAIL_OUTBOX_DIR: z.preprocess(blankAsUnset, z.string().default("./data/outbox")),
});

/**
 * The address people reach the site at: every absolute link (feeds, Open Graph, the OpenAPI
 * `servers`, exports, e-mails) is built from it, never from the request's Host header, which a
 * client chooses. Unset, it is the server's own address (http://HOST:PORT).
 */
const defaultPublicUrl = ({ HOST, PORT }: { HOST: string; PORT: number }) =>
  `http://${["0.0.0.0", "::", ""].includes(HOST) ? "localhost" : HOST.includes(":") ? `[${HOST}]` : HOST}:${PORT}`;

const CheckedEnvSchema = EnvSchema.superRefine((env, context) => {
  if (env.EVIDENCE_S3_URL && !(env.EVIDENCE_S3_ACCESS_KEY_ID && env.EVIDENCE_S3_SECRET_ACCESS_KEY)) {
    context.addIssue({
      code: "custom",
      path: ["EVIDENCE_S3_ACCESS_KEY_ID"],
      message: "EVIDENCE_S3_URL needs EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY",
    });
  }
}).transform((env) => ({
  ...env,
  PUBLIC_URL: (env.PUBLIC_URL ?? defaultPublicUrl(env)).replace(/\/+$/, ""),
  /** Whether PUBLIC_URL was given: then forms must come from that address (see request-guards.server.ts). */
  PUBLIC_URL_SET: env.PUBLIC_URL !== undefined,
}));

export type Env = z.infer<typeof CheckedEnvSchema>;

let cached: Env | undefined;

/** Parses the environment once; a missing or malformed variable stops start-up with a clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = CheckedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function resetEnvCache() {
  cached = undefined;
}

export const isProduction = () => getEnv().NODE_ENV === "production";

/** An absolute link to a path of the site, made from PUBLIC_URL (never from the request's Host header). */
export const absoluteUrl = (path: string) => `${getEnv().PUBLIC_URL}${path.startsWith("/") ? path : `/${path}`}`;
