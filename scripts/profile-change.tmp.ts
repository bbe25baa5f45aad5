// THROWAWAY (issue #27 profiling): not to be committed. Times a publish, publish_changes, unpublish and a live entry post
// in-process against the 100,000-article database scripts/profile-setup.tmp.ts keeps up, with every SQL statement timed.
import { readFileSync, writeFileSync } from "node:fs";
import pg from "pg";

const url = readFileSync("/tmp/copydesk-profile/url", "utf8").trim();
process.env.DATABASE_URL = url;
process.env.NODE_ENV = "test";

interface Query { text: string; start: number; end: number }
let recording: Query[] | null = null;
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text ?? "?";
  const result = original.apply(this, args);
  if (recording && result && typeof (result as Promise<unknown>).then === "function") {
    const entry: Query = { text, start: performance.now(), end: 0 };
    const into = recording;
    into.push(entry);
    (result as Promise<unknown>).then(() => (entry.end = performance.now()), () => (entry.end = performance.now()));
  }
  return result;
};

const { db } = await import("@/lib/db");
const { createDraft, saveDraft, transition } = await import("@/lib/articles");
const { postEntry } = await import("@/lib/live");
const { makeUser, asViewer } = await import("@/tests/support/factories");

const ROUNDS = Number(process.env.ROUNDS ?? 30);
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

interface Sample { total: number; pre: number; tx: number; after: number; queries: Query[]; t0: number }
const samples: Record<string, Sample[]> = { publish: [], publish_changes: [], unpublish: [], post_entry: [] };

async function timed(kind: string, run: () => Promise<unknown>) {
  recording = [];
  const t0 = performance.now();
  await run();
  const t1 = performance.now();
  const queries = recording;
  recording = null;
  const begin = queries.find((q) => q.text === "BEGIN");
  const commit = queries.findLast((q) => q.text === "COMMIT");
  samples[kind]!.push({
    total: t1 - t0,
    pre: (begin?.start ?? t0) - t0,
    tx: commit && begin ? commit.end - begin.start : 0,
    after: commit ? t1 - commit.end : 0,
    queries,
    t0,
  });
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const f = (n: number) => n.toFixed(1).padStart(7);

const section = await db().section.findFirstOrThrow({ orderBy: { position: "asc" }, select: { id: true } });
const reporter = await makeUser(db(), "REPORTER");
const editor = asViewer(await makeUser(db(), "EDITOR"));
const writer = asViewer(reporter);

const blog = await createDraft(writer, { kind: "LIVE", headline: `Profile live ${Date.now()}`, standfirst: "Live.", sectionId: section.id, body: doc("The opening.") }) as { id: string; version: number };
await transition(editor, { articleId: blog.id, action: "publish", version: blog.version });
for (let n = 0; n < 30; n++) await postEntry(editor, { articleId: blog.id, body: doc(`Earlier update ${n}.`) });

for (let round = 0; round < ROUNDS; round++) {
  const story = await createDraft(writer, { headline: `Profile story ${Date.now()} ${round}`, standfirst: "First version.", sectionId: section.id, body: doc("The first telling.") }) as { id: string; version: number };
  let version = story.version;
  await timed("publish", () => transition(editor, { articleId: story.id, action: "publish", version }));
  ({ version } = (await saveDraft(writer, { articleId: story.id, version, standfirst: `Second version ${round}.` })) as { version: number });
  await timed("publish_changes", () => transition(editor, { articleId: story.id, action: "publish_changes", version }));
  await timed("unpublish", () => transition(editor, { articleId: story.id, action: "unpublish", note: "Profile round." }));
  await timed("post_entry", () => postEntry(editor, { articleId: blog.id, body: doc(`Profile update ${round}.`) }));
}

const lines: string[] = [];
const out = (line: string) => {
  lines.push(line);
  console.log(line);
};
out(`kind              total p50/p95     pre p50      tx p50/p95        after p50/p95     queries`);
for (const [kind, list] of Object.entries(samples)) {
  const of = (key: "total" | "pre" | "tx" | "after") => list.map((s) => s[key]);
  out(`${kind.padEnd(16)} ${f(pct(of("total"), 50))}/${f(pct(of("total"), 95))} ${f(pct(of("pre"), 50))} ${f(pct(of("tx"), 50))}/${f(pct(of("tx"), 95))} ${f(pct(of("after"), 50))}/${f(pct(of("after"), 95))}   ${list[0]!.queries.length}`);
}
for (const [kind, list] of Object.entries(samples)) {
  out(`\n== ${kind}: statements by median time (ms per change: p50 / p95 / count per change)`);
  const byText = new Map<string, number[][]>();
  for (const sample of list) {
    const perChange = new Map<string, number[]>();
    for (const q of sample.queries) perChange.set(q.text, [...(perChange.get(q.text) ?? []), q.end - q.start]);
    for (const [text, times] of perChange) byText.set(text, [...(byText.get(text) ?? []), times]);
  }
  const rows = [...byText.entries()].map(([text, perChange]) => ({ text, sums: perChange.map((t) => t.reduce((a, b) => a + b, 0)), count: perChange[0]!.length }));
  rows.sort((a, b) => pct(b.sums, 50) - pct(a.sums, 50));
  for (const row of rows) out(`${f(pct(row.sums, 50))} ${f(pct(row.sums, 95))}  x${row.count}  ${row.text.replace(/\s+/g, " ").slice(0, 260)}`);
}
writeFileSync(process.env.PROFILE_OUT ?? "/tmp/copydesk-profile/report.txt", lines.join("\n"));
const last = samples.unpublish!.at(-1)!;
writeFileSync("/tmp/copydesk-profile/unpublish-queries.json", JSON.stringify(last.queries.map((q) => ({ ms: q.end - q.start, at: q.start - last.t0, text: q.text })), null, 1));
await db().$disconnect();
process.exit(0);
