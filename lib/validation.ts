import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { instantOfWallTime, WALL_TIME } from "@/lib/time-zone";

/** Parses input against a whitelist schema; the first problem becomes a VALIDATION error naming its field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || undefined;
  const message =
    issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : field ? `${field}: ${issue.message}` : issue.message;
  throw new AppError("VALIDATION", message, { field: field ?? (issue.code === "unrecognized_keys" ? issue.keys[0] : undefined) });
}

/**
 * A time sent by a form or a client: ISO 8601 with its offset ("…Z",
 * "…+01:00"), or a wall time without one ("2026-12-05T14:30", what a
 * datetime-local input holds), which is read in the newsroom's zone.
 */
export const NewsroomTime = z.string().transform((value, context) => {
  const instant = WALL_TIME.test(value) ? instantOfWallTime(value, env().NEWSROOM_TIME_ZONE) : ISO_WITH_OFFSET.test(value) ? new Date(value) : null;
  if (instant === null || Number.isNaN(instant.getTime())) {
    context.addIssue({ code: "custom", message: "must be a date and time, e.g. 2026-12-05T14:30 (newsroom time) or 2026-12-05T13:30:00Z" });
    return z.NEVER;
  }
  return instant;
});
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
