import type { Prisma } from "@/lib/generated/prisma/client";
import type { CheckedContent, KeptBack } from "./field-check";

type Tx = Prisma.TransactionClient;

/**
 * A share image that names no stored upload is kept back like any field
 * that breaks its rule: the rest of the save goes through and the answer
 * names it in `invalid`. Runs before the save decides whether anything is
 * left to store, so a save of only an unknown image stores nothing.
 */
export async function keepBackUnknownSocialImage(tx: Tx, change: CheckedContent, invalid: KeptBack[]): Promise<void> {
  if (!change.socialImage) return;
  if (await tx.media.findUnique({ where: { id: change.socialImage }, select: { id: true } })) return;
  invalid.push({ field: "socialImage", message: "Social image: no such uploaded image; upload it first." });
  delete change.socialImage;
}

/**
 * The search and social columns a save writes. They are content: a change is
 * in the next revision and reaches readers only when an editor publishes it
 * (readers' meta tags, Open Graph and JSON-LD come from the live revision).
 */
export const searchColumns = (change: CheckedContent) => ({
  ...(change.seoTitle !== undefined && { seoTitle: change.seoTitle }),
  ...(change.description !== undefined && { description: change.description }),
  ...(change.socialImage !== undefined && { socialImageId: change.socialImage }),
});
