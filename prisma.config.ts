import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `generate`; migrations are applied by
// scripts/migrate.ts (the schema engine cannot be downloaded on every machine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/copydesk" },
});
