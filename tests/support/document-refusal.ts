import { validateDocument } from "@/lib/content/validate";
import { AppError } from "@/lib/errors";

/** "accepted", or the refusal a stored document would get ("VALIDATION: …"); anything else thrown is a bug and says so. */
export function documentRefusal(input: unknown): string {
  try {
    validateDocument(input);
    return "accepted";
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : `threw ${String(error)}`;
  }
}
