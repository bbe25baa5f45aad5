import { AppError } from "@/lib/errors";
import { staffRoute } from "@/lib/http";
import { draftOf, ingest, MAX_INGEST_BYTES } from "@/lib/ingest/ingest";

/** Copy from a wire (ninjs) or a stringer (plain text) becomes a draft; `?preview=1` shows the draft it would make and stores nothing. */
export const POST = staffRoute(
  async ({ viewer, request }) => {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_INGEST_BYTES) throw new AppError("TOO_LARGE", "At most 200 KB is taken.");
    const delivery = { contentType: request.headers.get("content-type"), body: new Uint8Array(await request.arrayBuffer()) };
    if (new URL(request.url).searchParams.get("preview") === "1") return Response.json(draftOf(delivery));
    const { created, answer } = await ingest(viewer, delivery);
    return Response.json(answer, { status: created ? 201 : 200 });
  },
  { ingest: true },
);
