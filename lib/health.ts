import { db, type Db } from "@/lib/db";

export interface Health {
  ok: boolean;
  database: "up" | "down";
}

const TIMEOUT_MS = 2_000;

/** A database that answers `SELECT 1` within two seconds is up. */
export async function checkHealth(client: () => Db = db): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS);
  });
  try {
    await Promise.race([client().$queryRaw`SELECT 1`, timeout]);
    return { ok: true, database: "up" };
  } catch (error) {
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    return { ok: false, database: "down" };
  } finally {
    clearTimeout(timer);
  }
}
