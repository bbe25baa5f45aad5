const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "26 Nov 2026, 09:55 UTC" — one zone for every reader, so a time reads the same for all. */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}
