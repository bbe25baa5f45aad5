/**
 * Issue #22's class of hostile reader paths, shared by the unit tests
 * (tests/unit/hostile-paths.test.ts, tests/unit/server-edge.test.ts) and the
 * end-to-end check through the tier (e2e/hostile-paths.spec.ts).
 */
const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/** Every reader route with a dynamic segment, the segment marked X. */
export const READER_ROUTES = [
  "/articles/X",
  "/articles/X/updates.json",
  "/articles/X/feed.xml",
  "/articles/X/older/entry1",
  "/articles/live-blog/older/X",
  "/api/v1/content/articles/X",
  "/sections/X",
  "/sections/X/2",
  "/sections/X/feed.xml",
  "/sections/city/X",
  "/tags/X",
  "/tags/X/3",
  "/tags/transport/X",
  "/authors/X",
  "/authors/X/2",
  "/authors/u7/X",
  "/page/X",
  "/corrections/X",
  "/sitemaps/X",
  "/media/images/X/640.webp",
  "/preview/X",
];

/** Segments no route can decode: the edge answers 400. */
export const BAD_SEGMENTS: [string, string][] = [
  ...Array.from({ length: 0x20 }, (_, byte): [string, string] => [`control ${hex(byte)}`, `a${hex(byte)}b`]),
  ["DEL", "a%7Fb"],
  ["C1 control U+0085", "a%C2%85b"],
  ["C1 control U+009F", "%C2%9F"],
  ["lone percent", "a%"],
  ["one hex digit", "a%A"],
  ["not hex", "%G0"],
  ["truncated three-byte sequence", "%E0%A4%A"],
  ["missing continuation", "%E0%A4"],
  ["bad continuation", "%C3%28"],
  ["lone lead byte", "%C3"],
  ["truncated four-byte sequence", "%F0%9F%98"],
  ["lone continuation", "%80"],
  ["0xFF", "%FF"],
  ["0xFE", "a%FEb"],
  ["overlong slash", "%C0%AF"],
  ["overlong NUL", "%C0%80"],
  ["overlong three-byte", "%E0%80%AF"],
  ["overlong four-byte", "%F0%80%80%AF"],
  ["lone high surrogate", "%ED%A0%80"],
  ["lone low surrogate", "%ED%BF%BF"],
  ["beyond U+10FFFF", "%F4%90%80%80"],
  ["raw non-ASCII", "caf\u00e9"],
  ["raw control", "a\u0001b"],
  ["raw space", "a b"],
];

/** Sound but odd segments: no page has them (a 404 from Next), and naming their tags must not fail. */
export const ODD_SEGMENTS: [string, string][] = [
  ["U+0100", "%C4%80"],
  ["euro sign", "%E2%82%AC"],
  ["emoji", "%F0%9F%98%80"],
  ["U+FFFD", "%EF%BF%BD"],
  ["Latin-1", "caf%C3%A9"],
  ["escaped slash", "a%2Fb"],
  ["escaped percent", "%2541"],
  ["comma and space", "a%2C%20b"],
];

/** The route with its dynamic segment X replaced. */
export const at = (route: string, segment: string) => route.replace("X", segment);
