import { readJsonObject, staffRoute } from "@/lib/http";
import { updateUser } from "@/lib/users";

export const PATCH = staffRoute<{ id: string }>(async ({ viewer, request, params }) =>
  Response.json({ user: await updateUser(viewer, params.id, await readJsonObject(request)) }),
);
