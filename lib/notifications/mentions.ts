/** Someone who can be mentioned in a comment. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Who a comment mentions: "@" followed by a person's full name ("@Rita
 * Reporter") or the part of their address before the "@" ("@rita"), in any
 * case, not running on into more letters ("@ritaX" mentions nobody).
 */
export function mentionedIn(text: string, people: readonly Mentionable[]): string[] {
  return people
    .filter((person) => {
      const handles = [person.name.trim(), person.email.split("@")[0] ?? ""].filter((handle) => handle.length > 0);
      return handles.some((handle) => new RegExp(`(^|[^\\p{L}\\p{N}.@])@${escape(handle)}(?![\\p{L}\\p{N}])`, "iu").test(text));
    })
    .map((person) => person.id);
}
