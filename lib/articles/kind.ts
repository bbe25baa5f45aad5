/** The API spells an article's kind in lower case ("story", "live"); the database in upper case. */
export const apiKind = (kind: "STORY" | "LIVE") => kind.toLowerCase() as "story" | "live";
