import { z } from "zod";
import { FIELD_LIMITS, tooLong } from "@/lib/content/limits";
import { versionNumber } from "@/lib/validation";

/** What an entry carries; like every command, `.strict()` turns an extra key into a 400. */
const Id = z.string().min(1).max(64);
const Title = z.string().trim().max(FIELD_LIMITS.entryTitle, { error: (issue) => tooLong(FIELD_LIMITS.entryTitle, String(issue.input).length) });
const Flag = () => z.boolean({ error: "must be true or false" });

export const PostEntryInput = z.object({ articleId: Id, title: Title.default(""), body: z.unknown().nonoptional({ error: "is required: the entry as an editor document" }), keyEvent: Flag().default(false), pinned: Flag().default(false) }).strict();

/** Only what changes is sent; the version names what the person saw (compare-and-set). */
export const EditEntryInput = z
  .object({ articleId: Id, entryId: Id, version: versionNumber("is required: the entry's version you changed"), title: Title.optional(), body: z.unknown().optional(), keyEvent: Flag().optional(), pinned: Flag().optional() })
  .strict();

export const EntryRef = z.object({ articleId: Id, entryId: Id }).strict();

export const DeleteEntryInput = z.object({ articleId: Id, entryId: Id, reason: z.string().trim().min(1, "is required: say why it goes (history keeps it)").max(500) }).strict();

export const CoverageInput = z.object({ articleId: Id, running: Flag() }).strict();
