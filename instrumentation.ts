/** Runs once when a server instance starts, before it answers: the scheduler's sweep, the mail outbox and the withdrawn stories' list. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("@/lib/articles/publish-due");
  const { watchWithdrawnStories } = await import("@/lib/reader/gone");
  const { startOutbox } = await import("@/lib/notifications/outbox");
  startScheduler();
  startOutbox();
  await watchWithdrawnStories();
}
