import { z } from "zod";
import { LOG_FORMATS } from "@/lib/log.js";
import { isTimeZone } from "@/lib/time-zone";

/**
 * The app's configuration, checked once. In development and tests
 * DATABASE_URL may be absent (scripts start an embedded PostgreSQL and pass
 * its URL on); in production a missing DATABASE_URL or NEXTAUTH_SECRET stops
 * start-up with a message naming what is missing.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3).default("Copydesk <newsroom@localhost>"),
  NEWSROOM_NAME: z.string().min(1).max(80).default("Copydesk"),
  NEWSROOM_CONTACT_EMAIL: z.email().default("newsroom@example.com"),
  /** every time staff and readers see is shown in it, and times typed into forms are read in it */
  NEWSROOM_TIME_ZONE: z.string().default("UTC").refine(isTimeZone, "must be an IANA time zone name, e.g. Europe/Berlin or America/New_York"),
  READER_REFRESH_URL: z.url().optional(),
  /** a CDN in front of the tier: POSTed { urls, tags } after every reader-visible change */
  CDN_PURGE_URL: z.url().optional(),
  /** sent as `Authorization: Bearer …` with each purge, when the CDN's endpoint wants one */
  CDN_PURGE_TOKEN: z.string().min(1).optional(),
  /** a WebSub hub: feeds name it (`<atom:link rel="hub">`), and it is told of each feed a change touched (lib/reader/websub.ts) */
  WEBSUB_HUB_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** "true": webhook endpoints on private, link-local or loopback addresses are refused, when saved and when sent to (hosted set-ups) */
  WEBHOOK_DENY_PRIVATE: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** "json": one JSON line per request and per scheduler sweep (lib/log.js) */
  LOG_FORMAT: z.enum(LOG_FORMATS).default("text"),
  UPLOADS_DIR: z.string().min(1).default("storage/uploads"),
  /** where `npm run backup` / `restore` find pg_dump and pg_restore when not on PATH */
  PG_BIN_DIR: z.string().min(1).optional(),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) => list.split(",").map((address) => address.trim()).filter(Boolean)),
  SESSION_IDLE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(7),
  /** a production server's JavaScript heap: V8 otherwise grows it lazily to gigabytes under bursts of renders */
  SERVER_HEAP_MB: z.coerce.number().int().min(96).max(16_384).default(160),
  /** `npm run stack`: how many app instances, and the reader tier's port (refresh listener and instances on the ports after it) */
  STACK_INSTANCES: z.coerce.number().int().min(1).max(16).default(2),
  STACK_PORT: z.coerce.number().int().min(1024).max(65000).default(8080),
  SEED_PASSWORD: z.string().min(8, "must be at least 8 characters").default("copydesk-demo"),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

const REQUIRED_IN_PRODUCTION = ["DATABASE_URL", "NEXTAUTH_SECRET"] as const;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const blanksRemoved = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(blanksRemoved);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production") {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => env[name] === undefined);
    if (missing.length > 0) {
      throw new EnvError(
        `Copydesk cannot start in production without ${missing.join(" and ")}.\n` +
          `  DATABASE_URL     the PostgreSQL connection URL, e.g. postgresql://user:pass@host:5432/copydesk\n` +
          `  NEXTAUTH_SECRET  a random secret of 32+ characters, e.g. the output of: openssl rand -base64 32\n` +
          `See "Configuration" in README.md.`,
      );
    }
  }
  return env;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** SERVER_HEAP_MB of an environment about to start a server (scripts/lib/processes.ts), checked like the rest. */
export function serverHeapMb(source: Record<string, string | undefined>): number {
  return EnvSchema.shape.SERVER_HEAP_MB.parse(source.SERVER_HEAP_MB || undefined);
}

/** The app's public origin, for links in emails and invitations. */
export function appUrl(config: Env = env()): string {
  return (config.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

export function requireDatabaseUrl(config: Env = env()): string {
  if (config.DATABASE_URL === undefined) {
    throw new EnvError(
      "DATABASE_URL is not set. Start the app with `npm run dev` (it starts an embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return config.DATABASE_URL;
}
