import { staffRoute } from "@/lib/http";
import { approveEntry } from "@/lib/live";

export const POST = staffRoute<{ id: string; entryId: string }>(async ({ viewer, params }) => Response.json(await approveEntry(viewer, { articleId: params.id, entryId: params.entryId })));
