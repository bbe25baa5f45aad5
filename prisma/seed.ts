import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { mediaIdsOf } from "@/lib/articles/content";
import { createDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { storeImage } from "@/lib/media/image";
import { hashPassword } from "@/lib/passwords";
import { slugify } from "@/lib/slug";
import { mediaStorage, type MediaStorage } from "@/lib/storage";
import type { ArticleStatus, Prisma } from "@/lib/generated/prisma/client";
import { withDatabase } from "@/scripts/lib/database";
import { ARTICLES, SECTIONS, USERS, type SeedArticle, type SeedUserKey } from "./seed-data";

/**
 * The demo newsroom. Idempotent: sections and users are matched by slug and
 * email, articles by slug; anything already there is left exactly as it is,
 * so running it again never overwrites a demo user's changed password or an
 * edited article.
 */
export async function seed(db: Db, options: { password: string; storage: MediaStorage; now?: Date }) {
  const now = options.now ?? new Date();
  const sectionIds = new Map<string, string>();
  for (const section of SECTIONS) {
    const row = await db.section.upsert({ where: { slug: section.slug }, update: {}, create: section });
    sectionIds.set(section.slug, row.id);
  }

  const passwordHash = await hashPassword(options.password);
  const userIds = new Map<SeedUserKey, string>();
  for (const user of USERS) {
    const row = await db.user.upsert({
      where: { email: user.email },
      update: {},
      create: { email: user.email, name: user.name, role: user.role, passwordHash },
    });
    userIds.set(user.key, row.id);
  }

  let created = 0;
  for (const [index, article] of ARTICLES.entries()) {
    const slug = slugify(article.headline);
    if (await db.article.findUnique({ where: { slug }, select: { id: true } })) continue;
    const photo = await storeImage(options.storage, await paintPhoto(article.photo.palette, index));
    await db.$transaction((tx) =>
      createArticle(tx, article, {
        slug,
        now,
        sectionId: sectionIds.get(article.section)!,
        authorId: userIds.get(article.author)!,
        editorId: userIds.get("editor")!,
        photo,
      }),
    );
    created++;
  }
  return { created, existing: ARTICLES.length - created };
}

interface ArticleRefs {
  slug: string;
  now: Date;
  sectionId: string;
  authorId: string;
  editorId: string;
  photo: Awaited<ReturnType<typeof storeImage>>;
}

/** One path through the workflow per target state, as the events would have recorded it. */
function historyFor(article: SeedArticle): { action: string; from: ArticleStatus; to: ArticleStatus; by: "author" | "editor"; note?: string }[] {
  const submit = { action: "submit", from: "DRAFT", to: "IN_REVIEW", by: "author" } as const;
  switch (article.state) {
    case "DRAFT":
      return [];
    case "IN_REVIEW":
      return [submit];
    case "CHANGES_REQUESTED":
      return [submit, { action: "request_changes", from: "IN_REVIEW", to: "CHANGES_REQUESTED", by: "editor", note: article.note }];
    case "SCHEDULED":
      return [submit, { action: "schedule", from: "IN_REVIEW", to: "SCHEDULED", by: "editor" }];
    case "PUBLISHED":
      return [submit, { action: "publish", from: "IN_REVIEW", to: "PUBLISHED", by: "editor" }];
    case "ARCHIVED":
      return [
        submit,
        { action: "publish", from: "IN_REVIEW", to: "PUBLISHED", by: "editor" },
        { action: "archive", from: "PUBLISHED", to: "ARCHIVED", by: "editor" },
      ];
  }
}

async function createArticle(tx: Prisma.TransactionClient, article: SeedArticle, refs: ArticleRefs) {
  const at = (hours: number) => new Date(refs.now.getTime() + hours * 3_600_000);
  const body = { type: "doc", content: article.body };
  const wasPublished = article.state === "PUBLISHED" || article.state === "ARCHIVED";
  const media = await tx.media.create({
    data: {
      ...refs.photo,
      uploadedById: refs.authorId,
      createdAt: at(Math.min(article.hours, 0) - 6),
    },
  });
  const tags = await Promise.all(
    article.tags.map((slug) =>
      tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name: tagName(slug) } }),
    ),
  );
  const row = await tx.article.create({
    data: {
      slug: refs.slug,
      headline: article.headline,
      standfirst: article.standfirst,
      body,
      authorId: refs.authorId,
      sectionId: refs.sectionId,
      heroImageId: media.id,
      heroAlt: article.photo.alt,
      heroCaption: article.photo.caption,
      heroCredit: article.photo.credit,
      publishedAt: wasPublished ? at(article.hours) : null,
      ...(article.plan && {
        slugLine: article.plan.slugLine,
        assigneeId: refs.authorId,
        editorId: refs.editorId,
        deadline: at(article.plan.deadline),
        plannedFor: at(article.plan.slot),
      }),
      createdAt: at(Math.min(article.hours, 0) - 6),
      tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
    },
  });
  const revision = await tx.revision.create({
    data: {
      articleId: row.id,
      authorId: refs.authorId,
      version: row.version,
      headline: row.headline,
      standfirst: row.standfirst,
      body,
      slug: row.slug,
      sectionId: row.sectionId,
      heroImageId: row.heroImageId,
      heroAlt: row.heroAlt,
      heroCaption: row.heroCaption,
      heroCredit: row.heroCredit,
      mediaIds: await mediaIdsOf(tx, row.heroImageId, body),
      tagSlugs: article.tags,
      createdAt: row.createdAt,
    },
  });
  // Readers get the live revision; a scheduled story names the one that will go live.
  await tx.article.update({
    where: { id: row.id },
    data: {
      status: article.state,
      ...(article.state === "PUBLISHED" && { liveRevisionId: revision.id, liveSince: row.publishedAt }),
      ...(article.state === "SCHEDULED" && { scheduledRevisionId: revision.id, scheduledFor: at(article.hours) }),
    },
  });
  const steps = historyFor(article);
  for (const [i, step] of steps.entries()) {
    await tx.workflowEvent.create({
      data: {
        articleId: row.id,
        actorId: step.by === "author" ? refs.authorId : refs.editorId,
        action: step.action,
        fromStatus: step.from,
        toStatus: step.to,
        note: step.note ?? null,
        createdAt: at(Math.min(article.hours, 0) - steps.length + i),
      },
    });
  }
}

function tagName(slug: string): string {
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An original landscape "photo" for each story: sky, sun, hills and a shoreline in the story's palette. */
async function paintPhoto([sky, land, accent]: [string, string, string], seed: number): Promise<Buffer> {
  const hill = (offset: number, height: number, colour: string, opacity: number) =>
    `<path d="M0 ${900 - height} Q ${400 + offset} ${700 - height} 800 ${860 - height} T 1600 ${820 - height} V 900 H 0 Z" fill="${colour}" opacity="${opacity}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
    <rect width="1600" height="900" fill="url(#sky)"/>
    <circle cx="${300 + ((seed * 173) % 1000)}" cy="${180 + ((seed * 61) % 120)}" r="70" fill="${accent}" opacity="0.85"/>
    ${hill((seed * 97) % 300, 260, land, 0.55)}
    ${hill((seed * 41) % 300, 140, land, 0.8)}
    ${hill((seed * 13) % 300, 40, accent, 0.35)}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const config = env();
  await withDatabase(config, async (url) => {
    const db = createDb(url, 2);
    try {
      const { created, existing } = await seed(db, { password: config.SEED_PASSWORD, storage: mediaStorage() });
      console.log(`Seeded the demo newsroom: ${created} articles created, ${existing} already there.`);
    } finally {
      await db.$disconnect();
    }
  });
}
