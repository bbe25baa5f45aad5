import { readJsonObject, staffRoute } from "@/lib/http";
import { createUser, listUsers } from "@/lib/users";

export const GET = staffRoute(async ({ viewer }) => Response.json({ users: await listUsers(viewer) }));

export const POST = staffRoute(async ({ viewer, request }) =>
  Response.json(await createUser(viewer, await readJsonObject(request)), { status: 201 }),
);
