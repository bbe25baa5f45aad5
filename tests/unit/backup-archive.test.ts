import { describe, expect, it } from "vitest";
import { libpqConnection } from "@/scripts/lib/backup-archive";

describe("the connection pg_dump and pg_restore are given", () => {
  it("keeps the password out of the command line and drops what only Prisma understands", () => {
    const { uri, env } = libpqConnection("postgresql://copydesk:s%40cret@db.example.org:5433/news?schema=public&sslmode=require&connection_limit=5");
    expect(uri).toBe("postgresql://copydesk@db.example.org:5433/news?sslmode=require");
    expect(env.PGPASSWORD).toBe("s@cret");
  });

  it("passes no password when the URL has none", () => {
    const { uri, env } = libpqConnection("postgresql://copydesk@localhost/news");
    expect(uri).toBe("postgresql://copydesk@localhost/news");
    expect(env.PGPASSWORD).toBe(process.env.PGPASSWORD);
  });
});
