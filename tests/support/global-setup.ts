import type { TestProject } from "vitest/node";
import { migrate } from "@/scripts/lib/migrate";
import { createDatabase, dropDatabase } from "@/scripts/lib/postgres-admin";
import { startTestServer } from "@/scripts/lib/test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the server's maintenance database, for CREATE/DROP DATABASE */
    adminUrl: string;
    /** name of a migrated database to copy for each test file */
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL server for the run and one migrated template database;
 * each test file copies the template into a database of its own
 * (tests/support/database.ts), so files run in parallel without sharing rows.
 */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const adminUrl = server.url("postgres");
  const templateDatabase = `copydesk_template_${process.pid}`;
  await createDatabase(adminUrl, templateDatabase);
  await migrate(server.url(templateDatabase));
  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);
  return async () => {
    await dropDatabase(adminUrl, templateDatabase);
    await server.stop();
  };
}
