import { AppError, messageFor } from "@/lib/errors";

/** What a server action hands back to its form: the value, or the sentence to show and the field it is about. */
export type ActionResult<T = undefined> = { ok: true; value: T } | { ok: false; message: string; field?: string };

export async function actionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const field = error instanceof AppError && typeof error.details?.field === "string" ? error.details.field : undefined;
    return { ok: false, message: messageFor(error), ...(field && { field }) };
  }
}
