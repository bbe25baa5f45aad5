import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, requireDatabaseUrl, serverHeapMb } from "@/lib/env";

const SECRET = "x".repeat(32);

describe("configuration", () => {
  it("lets development run without DATABASE_URL or NEXTAUTH_SECRET", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_PASSWORD).toBe("copydesk-demo");
    expect(() => requireDatabaseUrl(env)).toThrow(/npm run dev/);
  });

  it("stops production without DATABASE_URL, naming it", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET })).toThrow(
      /cannot start in production without DATABASE_URL\./,
    );
  });

  it("stops production without NEXTAUTH_SECRET, naming it, and treats a blank value as missing", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://h/db", NEXTAUTH_SECRET: "" })).toThrow(
      /without NEXTAUTH_SECRET\./,
    );
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/without DATABASE_URL and NEXTAUTH_SECRET/);
  });

  it("starts production with both", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://h/db", NEXTAUTH_SECRET: SECRET });
    expect(requireDatabaseUrl(env)).toBe("postgresql://h/db");
  });

  it("refuses malformed values with the variable's name", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://h/db" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://h/db" })).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ DATABASE_POOL_MAX: "lots" })).toThrow(/DATABASE_POOL_MAX/);
  });

  it("takes a WebSub hub only as an http(s) URL", () => {
    expect(parseEnv({ WEBSUB_HUB_URL: "https://hub.example.org/" }).WEBSUB_HUB_URL).toBe("https://hub.example.org/");
    expect(parseEnv({}).WEBSUB_HUB_URL).toBeUndefined();
    expect(() => parseEnv({ WEBSUB_HUB_URL: "ftp://hub.example.org/" })).toThrow(/WEBSUB_HUB_URL: must be an http/);
    expect(() => parseEnv({ WEBSUB_HUB_URL: "hub.example.org" })).toThrow(/WEBSUB_HUB_URL/);
  });

  it("bounds a production server's heap: 160 MB unless SERVER_HEAP_MB says otherwise, and never below 96", () => {
    expect(serverHeapMb({})).toBe(160);
    expect(serverHeapMb({ SERVER_HEAP_MB: "" })).toBe(160);
    expect(serverHeapMb({ SERVER_HEAP_MB: "512" })).toBe(512);
    expect(() => serverHeapMb({ SERVER_HEAP_MB: "64" })).toThrow();
    expect(() => parseEnv({ SERVER_HEAP_MB: "lots" })).toThrow(/SERVER_HEAP_MB/);
    expect(() => parseEnv({ LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT/);
  });
});
