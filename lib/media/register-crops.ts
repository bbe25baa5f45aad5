import type { Prisma } from "@/lib/generated/prisma/client";
import { cropsOf, type PhotoFraming } from "./crops";

/**
 * Records the crops a story's framing of a photo gives, so their renditions
 * may be made (./renditions.ts: any other crop address is a 404). Centred
 * crops need no record. Idempotent: a crop recorded before stays one row.
 */
export async function registerCrops(tx: Prisma.TransactionClient, mediaId: string, framing: PhotoFraming | null): Promise<void> {
  if (!framing) return;
  const photo = await tx.media.findUnique({ where: { id: mediaId }, select: { width: true, height: true } });
  if (!photo) return;
  await tx.mediaCrop.createMany({ data: cropsOf(photo, framing).map((crop) => ({ mediaId, ...crop })), skipDuplicates: true });
}
