const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "26 Nov 2026, 09:55 UTC" — one zone for every reader, so a time reads the same for all. */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "UTC" });

/** "09:55 UTC" */
export function formatTime(date: Date): string {
  return `${time.format(date)} UTC`;
}

/** A draft may be untitled while it is written; lists still need something to show. */
export const headlineOrUntitled = (headline: string) => headline || "Untitled draft";
