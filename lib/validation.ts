import { z } from "zod";
import { unstorableText } from "@/lib/content/limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readTime } from "@/lib/written-time";

/** Parses input against a whitelist schema; the first problem becomes a VALIDATION error naming its field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  refuseUnstorableText(input);
  return parseShape(schema, input);
}

/**
 * parseInput without the storable-text check, for a caller that checks the
 * text of some fields itself (a story save keeps back the one field that
 * holds a NUL and stores the rest: lib/articles/field-check.ts).
 */
export function parseShape<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || undefined;
  const message =
    issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : field ? `${field}: ${issue.message}` : issue.message;
  throw new AppError("VALIDATION", message, { field: field ?? (issue.code === "unrecognized_keys" ? issue.keys[0] : undefined) });
}

/**
 * Every string in the input, however deep (a story body too), must be text
 * the database can hold: PostgreSQL refuses a NUL in text and jsonb, and
 * the request would fail as a 500 after the work was done. Refused as a 400
 * naming the field and the character (lib/content/limits.ts says which).
 */
export function refuseUnstorableText(input: unknown): void {
  const found = unstorableText(input);
  if (found) throw new AppError("VALIDATION", `${found.path.join(".") || "input"}: ${found.problem}.`, { field: found.path[0] });
}

/**
 * One of a fixed set of names, in any letter case: the API documents them in
 * lower case ("clarification", "read") while the code and the database spell
 * some in upper case (CLARIFICATION, READ), and a client should not have to
 * guess which. What is parsed is always the canonical spelling; anything that
 * is not one of the names, in any case, is refused as before.
 */
export function lenientEnum<const T extends readonly [string, ...string[]]>(values: T, params?: Parameters<typeof z.enum>[1]) {
  const canonical = new Map(values.map((value) => [value.toLowerCase(), value]));
  return z.preprocess((input) => (typeof input === "string" ? (canonical.get(input.toLowerCase()) ?? input) : input), z.enum(values, params));
}

/**
 * A time sent by a form or a client, read in the newsroom's zone unless it
 * names its own offset: as people type it in the form the newsroom shows
 * times ("8 Dec 2026, 16:00", "08/12/2026 16:00" — lib/written-time.ts says
 * every form), a wall time ("2026-12-05T14:30", what a datetime-local input
 * holds), or ISO 8601 with an offset ("…Z", "…+01:00"). The API stays
 * lenient; what is not a time in the calendar (31 Feb, 24:00) is refused.
 */
/**
 * A version a request names (a story's, an entry's): a positive whole number
 * the database's integer column can hold, so 2^31 is a 400, not a 500.
 */
export const versionNumber = (message = "must be a version number") => z.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);

export const NewsroomTime = z.string().transform((value, context) => {
  const reading = readTime(value, env().NEWSROOM_TIME_ZONE);
  if (!reading.ok) {
    context.addIssue({ code: "custom", message: reading.message });
    return z.NEVER;
  }
  return reading.instant;
});
