/** Runs once when a server instance starts: the scheduler's sweep lives here. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("@/lib/articles/publish-due");
  startScheduler();
}
