import { listRevisions } from "@/lib/articles";
import { staffRoute } from "@/lib/http";

export const GET = staffRoute<{ id: string }>(async ({ viewer, params }) => Response.json({ revisions: await listRevisions(viewer, params.id) }));
