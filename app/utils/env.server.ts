import { z } from "zod";

const blankAsUnset = (value: unknown) => (value === "" ? undefined : value);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL").optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  ORTAQ_DATA_DIR: z.string().default("./data/postgres"),
  ORTAQ_SEED: z.enum(["auto", "never"]).default("auto"),
  SESSION_SECURE_COOKIE: z.enum(["true", "false"]).optional(),
  STRIPE_SECRET_KEY: z.preprocess(blankAsUnset, z.string().regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_...)").optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(blankAsUnset, z.string().regex(/^whsec_/, "must be a Stripe webhook secret (whsec_...)").optional()),
  STRIPE_CURRENCIES: z.preprocess(blankAsUnset, z.string().regex(/^[A-Za-z]{3}(,[A-Za-z]{3})*$/, "must be a comma-separated list of currency codes").optional()),
  STRIPE_API_BASE: z.preprocess(blankAsUnset, z.url().optional()),
  STRIPE_CHECKOUT_ORIGIN: z.preprocess(blankAsUnset, z.url().optional()),
  EVIDENCE_DIR: z.preprocess(blankAsUnset, z.string().default("./data/evidence")),
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024, "must be at least 1024 bytes").max(1_073_741_824, "must be at most 1 GiB").default(10 * 1024 * 1024),
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
  ADMIN_EMAIL: z.preprocess(blankAsUnset, z.email().optional()),
  ADMIN_PASSWORD: z.preprocess(blankAsUnset, z.string().min(10, "must be at least 10 characters").optional()),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Parses the environment once; a missing or malformed variable stops start-up with a clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
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
