import type { z } from "zod";
import { AppError } from "@/lib/errors";

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
