/** Live coverage as staff and readers are told it: running from the first publish until an editor ends it. */
export interface Coverage {
  running: boolean;
  startedAt: string;
  endedAt: string | null;
}

/** The coverage of a live blog readers have had, or null for a story or a live blog never published. */
export const coverageOf = (article: { kind: string; publishedAt: Date | null; coverageEndedAt: Date | null; liveRevisionId: string | null }): Coverage | null =>
  article.kind === "LIVE" && article.publishedAt
    ? { running: article.liveRevisionId !== null && article.coverageEndedAt === null, startedAt: article.publishedAt.toISOString(), endedAt: article.coverageEndedAt?.toISOString() ?? null }
    : null;
