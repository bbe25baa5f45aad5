import { z } from "zod";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { mediaItemView, rightsSelect } from "@/lib/media/rights";
import type { Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

const RecentMediaInput = z.object({ limit: z.coerce.number().int().min(1).max(48).default(12) }).strict();

/**
 * The newest uploads, for the editor's pickers (a story's social image):
 * reusing a photo already uploaded — to this story's body or another's —
 * instead of uploading it again. Staff only, as every stored image not live
 * is (lib/media/access.ts); each as its smallest variant, never the original,
 * with its rights.
 */
export async function recentMedia(viewer: Viewer, input: unknown) {
  if (viewer.kind !== "staff") throw forbidden();
  const { limit } = parseInput(RecentMediaInput, input);
  const rows = await db().media.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: rightsSelect,
  });
  const now = new Date();
  return { media: rows.map((media) => mediaItemView(media, now)) };
}
