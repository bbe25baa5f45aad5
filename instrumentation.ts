/** Runs once when a server instance starts, before it answers: the scheduler's sweep, the mail outbox, the webhook deliverer and the withdrawn stories' list. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // A bare `next start` has no server edge (scripts/server-edge.mjs): production refuses to run without it.
  const { refuseToRunWithoutEdge } = await import("@/lib/auth/edge-stamp.js");
  refuseToRunWithoutEdge();
  const { startScheduler } = await import("@/lib/articles/publish-due");
  const { watchWithdrawnStories } = await import("@/lib/reader/gone");
  const { startOutbox } = await import("@/lib/notifications/outbox");
  const { startSweep } = await import("@/lib/jobs/sweep");
  const { startWebhooks } = await import("@/lib/webhooks/deliver");
  startScheduler();
  startOutbox();
  startSweep();
  startWebhooks();
  await watchWithdrawnStories();
}
