import sharp from "sharp";
import { flatPng } from "./test-images";

/*
 * The hostile-input suite's inputs (scripts/hostile.ts sends them): damaged paths on every route,
 * junk headers, bad bodies and documents, broken and hostile images. Made from the seeded site's real
 * names (Context), so a damaged address differs from a page that exists by the damage alone.
 */

export interface Probe {
  batch: string;
  /** the input, readable: what the report lists when it fails */
  label: string;
  method: string;
  /** sent byte for byte: no URL parser between us and the tier normalises it */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** work done before the request and not timed (reading the draft's current version) */
  prepare?: (probe: Probe) => Promise<Probe>;
}

export interface Context {
  /** the tier, for the reads an input needs before it is sent */
  base: string;
  slug: string;
  section: string;
  tag: string;
  author: string;
  mediaPath: string;
  reporter: string;
  draftId: string;
  token: string;
  /** a SYNDICATION token: the partners' feed reads its cursor only for one */
  partnerToken: string;
}

const C0 = Array.from({ length: 32 }, (_, code) => `%${code.toString(16).toUpperCase().padStart(2, "0")}`);
/** Every bad segment, by name; `${good}` is spliced in where the segment keeps a real value around the damage. */
function badSegments(good: string): [string, string][] {
  return [
    ...C0.map((escape): [string, string] => [`C0 ${escape}`, `${good}${escape}x`]),
    ["DEL %7F", `${good}%7F`],
    ["U+0100 %C4%80", `${good}%C4%80`],
    ["emoji", `${good}%F0%9F%98%80`],
    ["lone %", `${good}%`],
    ["truncated %E0%A4%A", `${good}%E0%A4%A`],
    ["invalid %C3%28", `${good}%C3%28`],
    ["not hex %ZZ", `${good}%ZZ`],
    ["overlong %C0%AF", `${good}%C0%AF`],
    ["lone surrogate %ED%A0%80", `${good}%ED%A0%80`],
    ["8 KB segment (fits nginx's 8 KB request line)", "a".repeat(8_000)],
    ["8 KB of escapes", "%C4%80".repeat(1_325)],
    ["dot segment ..", `..`],
    ["escaped dots %2e%2e", `%2e%2e`],
    ["escaped slash ..%2F..", `..%2F..%2Fetc%2Fpasswd`],
    ["double slash", `/${good}`],
    ["backslash", `..\\..\\${good}`],
    ["escaped backslash %5C", `${good}%5C..%5C`],
    ["NUL mid-way", `${good}%00.jpg`],
  ];
}

export function pathProbes(ctx: Context): Probe[] {
  const readerRoutes: [string, (x: string) => string][] = [
    ["article", (x) => `/articles/${x}`],
    ["section", (x) => `/sections/${x}`],
    ["section page 2", (x) => `/sections/${x}/2`],
    ["section page", (x) => `/sections/${ctx.section}/${x}`],
    ["section feed", (x) => `/sections/${x}/feed.xml`],
    ["tag", (x) => `/tags/${x}`],
    ["author", (x) => `/authors/${x}`],
    ["front page", (x) => `/page/${x}`],
    ["search", (x) => `/search?q=${x}`],
    ["preview token", (x) => `/preview/${x}`],
    ["staff preview", (x) => `/preview/articles/${x}`],
    ["media", (x) => `/media/${x}`],
    ["media variant", (x) => `${ctx.mediaPath.replace(/\/[^/]+$/, "")}/${x}`],
    ["content API", (x) => `/api/v1/content/articles/${x}`],
    ["content API list", (x) => `/api/v1/content/articles?section=${x}&cursor=${x}`],
    ["sitemap", (x) => `/sitemaps/${x}`],
    ["corrections", (x) => `/corrections/${x}`],
  ];
  const goodOf: Record<string, string> = { article: ctx.slug, section: ctx.section, "section feed": ctx.section, "section page 2": ctx.section, tag: ctx.tag, author: ctx.author, "content API": ctx.slug };
  const newsroomRoutes: [string, (x: string) => string][] = [
    ["newsroom story", (x) => `/newsroom/articles/${x}`],
    ["newsroom history", (x) => `/newsroom/articles/${x}/history`],
    ["newsroom queue", (x) => `/newsroom/queue/${x}`],
    ["newsroom any", (x) => `/newsroom/${x}`],
    ["login callback", (x) => `/login?callbackUrl=${x}`],
    ["password reset", (x) => `/login/reset/${x}`],
    ["invitation", (x) => `/invitations/${x}`],
    ["next-auth", (x) => `/api/auth/${x}`],
    ["staff API story", (x) => `/api/v1/newsroom/articles/${x}`],
    ["staff API checks", (x) => `/api/v1/newsroom/articles/${x}/checks`],
    ["staff API webhook deliveries", (x) => `/api/v1/newsroom/webhooks/${x}/deliveries`],
    ["syndication feed", (x) => `/api/v1/syndication/items?since=${x}`],
  ];
  const probes: Probe[] = [];
  // The routes the issue names get every damage; the few added here (a second page, a variant, a list's query) every fourth control character.
  const extra = new Set(["section page", "media variant", "content API list"]);
  for (const [name, route] of [...readerRoutes, ...newsroomRoutes]) {
    for (const [damage, segment] of badSegments(goodOf[name] ?? "x").filter((_, i) => !extra.has(name) || i % 4 === 0 || i >= 32)) {
      const target = route(segment);
      probes.push({ batch: "paths", label: `GET ${target} (${name}: ${damage})`, method: "GET", path: target });
    }
  }
  // The partners' feed with its own key, so the damage reaches the cursor check (without one it is a 401 first).
  for (const [damage, segment] of badSegments("sc1_0_x").filter((_, i) => i % 4 === 0 || i >= 32)) {
    const target = `/api/v1/syndication/items?since=${segment}`;
    probes.push({ batch: "paths", label: `GET ${target} (syndication feed, with its token: ${damage})`, method: "GET", path: target, headers: { authorization: `Bearer ${ctx.partnerToken}` } });
  }
  // The same, signed in: the staff pages render instead of redirecting.
  for (const [name, route] of newsroomRoutes.slice(0, 3)) {
    for (const [damage, segment] of badSegments("x").filter((_, i) => i % 4 === 0 || i >= 32)) {
      const target = route(segment);
      probes.push({ batch: "paths", label: `GET ${target} (${name}, signed in: ${damage})`, method: "GET", path: target, headers: { cookie: ctx.reporter } });
    }
  }
  // Whole-path oddities the segment list cannot make.
  for (const target of ["//", "/\\", "/.%2e/.%2e/", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/articles/", "/articles//", "/articles/./.", "/search?q=%", "/search?q=%00", "/search?q=" + "a".repeat(4000), "/search?" + "q=a&".repeat(500), "/?__nextDataReq=1", "/?_rsc=%ZZ", "/articles/x?_rsc=%E0%A4%A", "/feed.xml?%", "/sitemap.xml/..%2F", "/_next/static/%2e%2e/%2e%2e/package.json", "/_next/image?url=%2F%2Fevil.example%2Fx.png&w=64&q=75", "/_next/data/x/y.json", "/api/internal/revalidate", "/api/v1/content/articles?cursor=%FF%FE", "/api/v1/content/articles?cursor=" + "9".repeat(5000), "/api/v1/content/articles?tag=%00", "/api/v1/syndication/items?since=%FF%FE", "/api/v1/syndication/items?since=" + "9".repeat(5000)]) {
    probes.push({ batch: "paths", label: `GET ${target}`, method: "GET", path: target });
  }
  return probes;
}

/**
 * Many well-formed addresses nobody linked to, each new: whatever an instance keeps per address (cached reads,
 * rendered pages) must stay within its budget. 4,000 made-up content-API cursors, each kept as its own cached
 * list, once filled a 160 MB heap in 30 s.
 */
export function manyKeyProbes(ctx: Context): Probe[] {
  const made = (n: number) => `${n.toString(36)}${Math.random().toString(36).slice(2)}`;
  const madeUp: [string, (n: number) => string][] = [
    ["made-up content-API cursor", (n) => `/api/v1/content/articles?cursor=${Buffer.from(`2026-01-01T00:00:${String(n % 60).padStart(2, "0")}.000Z|${made(n)}`).toString("base64url")}`],
    ["garbage content-API cursor", (n) => `/api/v1/content/articles?cursor=${made(n)}`],
    ["made-up section list", (n) => `/api/v1/content/articles?section=${made(n)}`],
    ["made-up article", (n) => `/articles/no-such-story-${made(n)}`],
    ["made-up front page", (n) => `/page/${n + 2}`],
    ["made-up section page", (n) => `/sections/${ctx.section}/${n + 2}`],
  ];
  return madeUp.flatMap(([label, path]) => Array.from({ length: 1_000 }, (_, n): Probe => ({ batch: "many keys", label, method: "GET", path: path(n) })));
}

export function headerProbes(ctx: Context): Probe[] {
  const targets = ["/", `/articles/${ctx.slug}`, `/sections/${ctx.section}`, "/api/v1/content/articles", ctx.mediaPath, "/newsroom", "/api/auth/session"];
  const latin1 = "\xff\xfe\xe9\xa0";
  const sets: [string, Record<string, string>][] = [
    ["4 KB garbage cookie", { cookie: "junk".repeat(1024) }],
    ["7 KB cookie of 700 pairs", { cookie: Array.from({ length: 700 }, (_, i) => `c${i}=v`).join("; ") }],
    ["16 KB cookie", { cookie: `a=${"b".repeat(16 * 1024)}` }],
    ["latin-1 bytes in a cookie", { cookie: `a=${latin1}; b=%E0%A4%A` }],
    ["session cookie: garbage", { cookie: "next-auth.session-token=garbage" }],
    ["session cookie: JWE-shaped junk", { cookie: `next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..${"A".repeat(22)}.${"B".repeat(300)}.${"C".repeat(22)}` }],
    ["session cookie: chunked junk", { cookie: `next-auth.session-token.0=${"x".repeat(3000)}; next-auth.session-token.1=%ZZ` }],
    ["session cookie: empty", { cookie: "next-auth.session-token=" }],
    ["session cookie: 4 KB", { cookie: `next-auth.session-token=${"A".repeat(4096)}` }],
    ["secure session cookie: junk", { cookie: "__Secure-next-auth.session-token=junk; __Host-next-auth.csrf-token=%%%" }],
    ["Range: bytes=abc", { range: "bytes=abc" }],
    ["Range: huge", { range: "bytes=99999999999999999999-" }],
    ["Range: bytes=-0", { range: "bytes=-0" }],
    ["Range: 1000 parts", { range: `bytes=${Array.from({ length: 1000 }, (_, i) => `${i}-${i}`).join(",")}` }],
    ["Range: reversed", { range: "bytes=500-100" }],
    ["Accept: q=abc", { accept: "*/*;q=abc" }],
    ["Accept: text/x-component", { accept: "text/x-component" }],
    ["Accept: 4 KB", { accept: "text/html;".repeat(400) }],
    ["Accept: nothing acceptable", { accept: "application/x-nothing" }],
    ["Accept-Encoding junk", { "accept-encoding": "gzip;q=2, br;q=-1, *;q=%%" }],
    ["Accept-Language junk", { "accept-language": "zz-ZZZZZZZZ-%00, *;q=x" }],
    ["If-None-Match junk", { "if-none-match": `"${"x".repeat(2000)}` }],
    ["If-Modified-Since junk", { "if-modified-since": "yesterday-ish" }],
    ["X-Request-Id 4 KB", { "x-request-id": "r".repeat(4096) }],
    ["X-Request-Id latin-1", { "x-request-id": `id-${latin1}` }],
    ["X-Request-Id with spaces", { "x-request-id": "a b c ; drop table" }],
    ["Host garbage", { host: "..:-1" }],
    ["Host latin-1", { host: `h${latin1}` }],
    ["Host 2 KB", { host: "h".repeat(2048) }],
    ["Host with path", { host: "evil.example/../x" }],
    ["Host: a foreign site", { host: "evil.example" }],
    ["Host: a closed port", { host: "127.0.0.1:1" }],
    ["X-Forwarded-Host / -Proto junk", { "x-forwarded-host": "%ZZ,,,", "x-forwarded-proto": "gopher, ftp" }],
    ["X-Forwarded-For junk", { "x-forwarded-for": "not-an-ip, 999.1.1.1, ::::" }],
    ["RSC + tree: invalid JSON", { rsc: "1", "next-router-state-tree": "{not json" }],
    ["RSC + tree: bad escape", { rsc: "1", "next-router-state-tree": "%E0%A4%A" }],
    ["RSC + tree: %ZZ", { rsc: "1", "next-router-state-tree": "%ZZ" }],
    ["RSC + tree: wrong shape", { rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify({ a: [1, 2, { b: null }] })) }],
    ["RSC + tree: deep", { rsc: "1", "next-router-state-tree": encodeURIComponent("[".repeat(3000) + "]".repeat(3000)) }],
    ["RSC + tree: 6 KB", { rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["x".repeat(6000), {}] }])) }],
    ["RSC prefetch junk", { rsc: "1", "next-router-prefetch": "junk", "next-router-segment-prefetch": "/%ZZ/../__PAGE__" }],
    ["RSC Next-Url junk", { rsc: "1", "next-url": "%E0%A4%A" }],
    ["RSC: junk value", { rsc: "%%%" }],
    ["Next-Action junk on GET", { "next-action": "not-an-action" }],
    ["Referer 6 KB", { referer: `https://evil.example/${"r".repeat(6000)}` }],
    ["Referer garbage", { referer: "::::%ZZ" }],
    ["Authorization: Bearer junk", { authorization: "Bearer junk" }],
    ["Authorization: Bearer 6 KB", { authorization: `Bearer ${"t".repeat(6000)}` }],
    ["Authorization: Basic", { authorization: "Basic Og==" }],
    ["Content-Type junk on GET", { "content-type": "multipart/form-data; boundary=" }],
  ];
  const probes: Probe[] = [];
  for (const [name, headers] of sets) {
    for (const target of targets) probes.push({ batch: "headers", label: `GET ${target} with ${name}`, method: "GET", path: target, headers });
  }
  // A Server Action call with junk, and the sign-in endpoints with junk forms.
  probes.push(
    { batch: "headers", label: "POST / with Next-Action junk", method: "POST", path: "/", headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" }, body: "[{]" },
    { batch: "headers", label: "POST /login with Next-Action junk, multipart junk", method: "POST", path: "/login", headers: { "next-action": "ab", "content-type": "multipart/form-data; boundary=x" }, body: "--x\r\nbroken" },
    { batch: "headers", label: "POST /api/auth/callback/credentials, no csrf, junk", method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=%ZZ&password=%E0%A4%A&csrfToken=%00" },
    { batch: "headers", label: "POST /api/auth/callback/credentials, JSON", method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/json" }, body: "{not json" },
    { batch: "headers", label: "POST /api/auth/signin/credentials, 200 KB", method: "POST", path: "/api/auth/signin/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `email=${"a".repeat(200_000)}` },
  );
  return probes;
}

/** A document nested `depth` levels deep, as JSON text: JSON.stringify itself overflows the stack on it. */
const deep = (type: "blockquote" | "bulletList" | "orderedList", depth: number) => {
  const [open, close] = type === "blockquote" ? [`{"type":"blockquote","content":[`, "]}"] : [`{"type":"${type}","content":[{"type":"listItem","content":[`, "]}]}"];
  return `{"type":"doc","content":[${open.repeat(depth)}{"type":"paragraph","content":[{"type":"text","text":"deep"}]}${close.repeat(depth)}]}`;
};
const unclosed = (bytes: number) => "<b>x".repeat(bytes / 4);
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export function bodyProbes(ctx: Context): Probe[] {
  const json = (value: unknown) => JSON.stringify(value);
  const staff = { cookie: ctx.reporter, "content-type": "application/json" };
  const bearer = { authorization: `Bearer ${ctx.token}` };
  const probes: Probe[] = [];
  const add = (label: string, method: string, target: string, headers: Record<string, string>, body?: string | Buffer, prepare?: Probe["prepare"]) =>
    probes.push({ batch: "bodies", label: `${method} ${target}: ${label}`, method, path: target, headers, body, prepare });

  // Generic junk at every staff endpoint that takes a body.
  const endpoints: [string, string][] = [
    ["POST", "/api/v1/newsroom/articles"],
    ["PATCH", `/api/v1/newsroom/articles/${ctx.draftId}`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/transitions`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/comments`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/corrections`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/previews`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/presence`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/embargo/lift`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/legal-review/clear`],
    ["POST", `/api/v1/newsroom/articles/${ctx.draftId}/revisions/%ZZ/restore`],
    ["POST", "/api/v1/newsroom/notifications/read"],
    ["PUT", "/api/v1/newsroom/front-page"],
    ["PATCH", "/api/v1/newsroom/settings"],
    ["POST", "/api/v1/newsroom/tokens"],
    ["POST", "/api/v1/newsroom/webhooks"],
    ["PATCH", "/api/v1/newsroom/webhooks/x"],
    ["POST", "/api/v1/newsroom/webhooks/x/test"],
    ["POST", "/api/v1/newsroom/users"],
  ];
  const junk: [string, string][] = [
    ["not JSON", "{headline: 'x'"],
    ["empty", ""],
    ["JSON array", "[1,2,3]"],
    ["JSON string", '"x"'],
    ["JSON null", "null"],
    ["100k-deep JSON array", "[".repeat(100_000) + "]".repeat(100_000)],
    ["wrong types", json({ headline: 5, body: "text", tags: "a", version: "1", action: 7, note: [], text: {}, ids: "x", email: 3 })],
    ["extra keys", '{"status":"PUBLISHED","authorId":"x","version":1,"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'],
    ["NUL everywhere", json({ headline: "a\u0000b", standfirst: "\u0000", slug: "a\u0000b", text: "\u0000", note: "\u0000", name: "\u0000", email: "a\u0000@example.com" })],
    ["lone surrogates", '{"headline":"\\ud800","standfirst":"\\udfff x","text":"\\ud800","note":"\\udc00","name":"\\ud800"}'],
    ["invalid UTF-8 bytes", "{\"headline\":\"\xff\xfe\"}"],
  ];
  for (const [method, target] of endpoints) for (const [name, body] of junk) add(name, method, target, staff, name === "invalid UTF-8 bytes" ? Buffer.from(body, "latin1") : body);

  // The story save: checked against the editor's schema. The version is read just before, so the save is not a mere 409.
  /** `fields` as an object, or as JSON members (`"body":…`) when JSON.stringify cannot make them. */
  const withVersion = (fields: Record<string, unknown> | string) => async (probe: Probe): Promise<Probe> => {
    const current = await fetch(`${ctx.base}/api/v1/newsroom/articles/${ctx.draftId}`, { headers: { cookie: ctx.reporter }, signal: AbortSignal.timeout(5_000) });
    const { version } = (await current.json()) as { version: number };
    return { ...probe, body: typeof fields === "string" ? `{"version":${version},${fields}}` : json({ version, ...fields }) };
  };
  const save = (label: string, fields: Record<string, unknown> | string) => add(label, "PATCH", `/api/v1/newsroom/articles/${ctx.draftId}`, staff, undefined, withVersion(fields));
  save("5,000-deep blockquotes", `"body":${deep("blockquote", 5_000)}`);
  save("5,000-deep bullet lists", `"body":${deep("bulletList", 5_000)}`);
  save("5,000-deep ordered lists", `"body":${deep("orderedList", 5_000)}`);
  save("20,000 empty paragraphs", { body: { type: "doc", content: Array.from({ length: 20_000 }, () => ({ type: "paragraph" })) } });
  save("NUL in headline, body, slug", { headline: "Nul\u0000line", slug: "nul\u0000slug", body: doc("body\u0000text") });
  save("NUL in body text only", { body: doc("body\u0000text") });
  save("lone surrogate in body", { body: doc("a\ud800b"), headline: "b\udfffc" });
  save("control chars in headline", { headline: "\u0001\u0002\u001b[31mred\u007f" });
  save("headline 100 KB", { headline: "h".repeat(100_000) });
  save("standfirst 500 KB", { standfirst: "s".repeat(500_000) });
  save("body text 900 KB", { body: doc("t".repeat(900_000)) });
  save("body past 1 MB", { body: doc("t".repeat(1_100_000)) });
  save("unknown node, 10k marks", { body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: Array.from({ length: 10_000 }, () => ({ type: "bold" })) }] }, { type: "iframe", attrs: { src: "javascript:alert(1)" } }] } });
  save("link with javascript: and 8 KB href", { body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }, { type: "text", text: "y", marks: [{ type: "link", attrs: { href: `https://example.com/${"%".repeat(8000)}` } }] }] }] } });
  save("link hrefs: bad escapes, IDN, NUL", { body: { type: "doc", content: [{ type: "paragraph", content: ["https://exa%ZZmple.com/", "https://xn--/", "http://[::1", "https://a\u0000b.example/", "mailto:%E0%A4%A", "https://ex\u00e4mple.com/%C0%AF"].map((href) => ({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })) }] } });
  save("heading level 99, attrs junk", { body: { type: "doc", content: [{ type: "heading", attrs: { level: 99 }, content: [{ type: "text", text: "h" }] }, { type: "image", attrs: { src: "/media/../../etc/passwd", mediaId: { $ne: 1 } } }] } });
  save("body as array / string", { body: [{ type: "doc" }] });
  save("tags: 1,000 of 1 KB", { tags: Array.from({ length: 1000 }, (_, i) => `${i}${"t".repeat(1000)}`) });
  save("slug 10 KB of unicode", { slug: "ä".repeat(10_000) });
  save("hero with a made-up id", { hero: { mediaId: "%00", alt: "\u0000", caption: "x", credit: "y" } });
  save("planning dates junk", { deadline: "2026-02-30T25:61", plannedFor: "\u0000", assigneeId: "x".repeat(65) });
  save("version as huge number", { version: 1e308 });
  add("version 2^53+1", "PATCH", `/api/v1/newsroom/articles/${ctx.draftId}`, staff, '{"version":9007199254740993,"headline":"x"}');
  add("5,000-deep blockquotes", "POST", "/api/v1/newsroom/articles", staff, `{"headline":"deep","body":${deep("blockquote", 5_000)}}`);
  add("NUL in headline, slug", "POST", "/api/v1/newsroom/articles", staff, json({ headline: "a\u0000b", slug: "a\u0000b" }));

  // Ingest, with an INGEST token: ninjs (HTML body) and plain text, with and without ?preview=1.
  const ninjs = (fields: Record<string, unknown>) => json({ uri: `urn:hostile:${Math.random().toString(36).slice(2)}`, type: "text", ...fields });
  for (const target of ["/api/v1/newsroom/ingest", "/api/v1/newsroom/ingest?preview=1"]) {
    const wire = (label: string, body: string | Buffer, type = "application/json") => add(label, "POST", target, { ...bearer, "content-type": type }, body);
    for (const kb of [32, 256]) {
      const html = unclosed(kb * 1024);
      wire(`ninjs: ${kb} KB of unclosed <b>x in the headline`, ninjs({ headlines: [{ role: "main", value: html }], bodies: [{ role: "main", contenttype: "text/html", value: "<p>x</p>" }] }));
      wire(`ninjs: ${kb} KB of unclosed <b>x in the HTML body`, ninjs({ headlines: [{ role: "main", value: "Unclosed" }], bodies: [{ role: "main", contenttype: "text/html", value: html }] }));
      wire(`ninjs 1.x: ${kb} KB of unclosed <b>x in body_html and headline`, ninjs({ headline: html.slice(0, 60_000), body_html: html }));
      wire(`text: ${kb} KB of unclosed <b>x`, `${html.slice(0, 2000)}\n\n${html}`, "text/plain; charset=utf-8");
    }
    wire("ninjs: 5,000-deep <blockquote>", ninjs({ headlines: [{ value: "Deep" }], bodies: [{ contenttype: "text/html", value: "<blockquote>".repeat(5_000) + "x" }] }));
    wire("ninjs: 5,000-deep <ul><li>", ninjs({ headlines: [{ value: "Deep" }], bodies: [{ contenttype: "text/html", value: "<ul><li>".repeat(5_000) + "x" }] }));
    wire("ninjs: 20,000 <a href> with bad hrefs", ninjs({ headlines: [{ value: "Links" }], bodies: [{ contenttype: "text/html", value: Array.from({ length: 20_000 }, (_, i) => `<a href="https://e%ZZ${i}.example/%E0%A4%A">x</a>`).join("") }] }));
    wire("ninjs: <a href=javascript:> and NUL", ninjs({ headlines: [{ value: "Nul\u0000" }], bodies: [{ contenttype: "text/html", value: "<p><a href='javascript:alert(1)'>x</a>\u0000<img src=x onerror=alert(1)></p>" }] }));
    wire("ninjs: NUL in headline and body", ninjs({ headlines: [{ value: "a\u0000b" }], bodies: [{ contenttype: "text/html", value: "<p>a\u0000b</p>" }], by: "\u0000" }));
    wire("ninjs: lone surrogates", '{"uri":"urn:hostile:surrogate","headlines":[{"value":"\\ud800"}],"bodies":[{"contenttype":"text/html","value":"<p>\\udfff</p>"}]}');
    wire("ninjs: wrong types", json({ uri: 5, headlines: "x", bodies: { value: 1 }, associations: 7, subjects: "a" }));
    wire("ninjs: wrong types, good uri", ninjs({ headlines: [{ value: 7 }], bodies: [{ value: ["x"] }], associations: [null, 1, { type: "picture", descriptions: "x" }], subjects: [{ name: { x: 1 } }], by: ["x"] }));
    wire("ninjs: extra keys, 1,000 subjects", ninjs({ headlines: [{ value: "Extra" }], evil: true, ["__proto__"]: { x: 1 }, subjects: Array.from({ length: 1000 }, (_, i) => ({ name: `s${i}${"x".repeat(100)}` })) }));
    wire("ninjs: uri 10 KB", json({ uri: "u".repeat(10_000), headlines: [{ value: "x" }] }));
    wire("not JSON", "{uri:");
    wire("100k-deep JSON", "[".repeat(100_000) + "]".repeat(100_000));
    wire("Latin-1 bytes said to be UTF-8", Buffer.from("Caf\xe9 \xff\xfe story\n\nbody", "latin1"), "text/plain; charset=utf-8");
    wire("charset=latin1", "x", "text/plain; charset=latin1");
    wire("no Content-Type", "x", "");
    wire("text/html", "<p>x</p>", "text/html");
    wire("text: NUL and control chars", "Head\u0000line\u0007\n\nBody\u0000\u001b[0m", "text/plain");
    wire("text: 150 KB one line", "w".repeat(150_000), "text/plain");
    wire("empty", "", "application/json");
  }
  // A person's import (the cookie, not a token) goes through the same door.
  add("reporter: 32 KB of unclosed <b>x, preview", "POST", "/api/v1/newsroom/ingest?preview=1", { ...staff }, ninjs({ headlines: [{ value: unclosed(32 * 1024) }], bodies: [{ contenttype: "text/html", value: unclosed(32 * 1024) }] }));
  // A token where it has no business, and a token with a body that is too big for anything.
  add("INGEST token on a story save", "PATCH", `/api/v1/newsroom/articles/${ctx.draftId}`, { ...bearer, "content-type": "application/json" }, json({ version: 1, headline: "x" }));
  add("2 MB JSON", "POST", "/api/v1/newsroom/articles", staff, json({ headline: "x", body: doc("t".repeat(2_000_000)) }));
  return probes;
}


export async function imageProbes(ctx: Context): Promise<Probe[]> {
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
  const gif = Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x80, 0, 0]), Buffer.alloc(6), Buffer.from([0x2c, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 2, 2, 0x44, 0x01, 0, 0x3b])]);
  // A JPEG whose frame header claims 65500×65500.
  const hugeJpeg = Buffer.from(photo);
  const sof = hugeJpeg.indexOf(Buffer.from([0xff, 0xc0]));
  if (sof > 0) {
    hugeJpeg.writeUInt16BE(65_500, sof + 5);
    hugeJpeg.writeUInt16BE(65_500, sof + 7);
  }
  const files: [string, Buffer, string, string][] = [
    ["truncated JPEG", photo.subarray(0, Math.floor(photo.length / 3)), "photo.jpg", "image/jpeg"],
    ["JPEG cut after its header", photo.subarray(0, 200), "photo.jpg", "image/jpeg"],
    ["zero-byte file", Buffer.alloc(0), "empty.jpg", "image/jpeg"],
    ["a text file named .jpg", Buffer.from("This is not a picture.\n".repeat(50)), "notes.jpg", "image/jpeg"],
    ["PNG bomb 20000×20000 one colour", flatPng(20_000, 20_000), "bomb.png", "image/png"],
    ["PNG bomb 16000×16000 (under a 268 MP limit)", flatPng(16_000, 16_000), "bomb2.png", "image/png"],
    ["PNG 1×100000", flatPng(1, 100_000), "tall.png", "image/png"],
    ["JPEG claiming 65500×65500", hugeJpeg, "huge.jpg", "image/jpeg"],
    ["GIF claiming 65535×65535", gif, "huge.gif", "image/gif"],
    ["SVG", Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><script>alert(1)</script><rect width="100%" height="100%"/></svg>`), "x.svg", "image/svg+xml"],
    ["SVG with entities (billion laughs)", Buffer.from(`<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&f;</text></svg>`), "lol.jpg", "image/jpeg"],
    ["polyglot JPEG + HTML + ZIP", Buffer.concat([photo, Buffer.from("<html><script>alert(document.cookie)</script></html>"), Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])]), "poly.jpg", "image/jpeg"],
    ["HTML with a JPEG's first bytes", Buffer.concat([photo.subarray(0, 4), Buffer.from("<html><script>alert(1)</script></html>")]), "x.jpg", "image/jpeg"],
    ["random bytes", Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 2654435761) >>> 24)), "noise.png", "image/png"],
  ];
  const probes: Probe[] = [];
  const boundary = "----hostile";
  const multipart = (name: string, filename: string, type: string, bytes: Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const upload = { cookie: ctx.reporter, "content-type": `multipart/form-data; boundary=${boundary}` };
  for (const [label, bytes, filename, type] of files) {
    probes.push({ batch: "images", label: `POST /api/v1/newsroom/media: ${label}`, method: "POST", path: "/api/v1/newsroom/media", headers: upload, body: multipart("file", filename, type, bytes) });
  }
  const raw = (label: string, headers: Record<string, string>, body: Buffer | string) => probes.push({ batch: "images", label: `POST /api/v1/newsroom/media: ${label}`, method: "POST", path: "/api/v1/newsroom/media", headers: { cookie: ctx.reporter, ...headers }, body });
  raw("no file field", { "content-type": `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--${boundary}--\r\n`);
  raw("file as a plain field", { "content-type": `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\nnot a file\r\n--${boundary}--\r\n`);
  raw("multipart never closed", { "content-type": `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n${"x".repeat(1000)}`);
  raw("boundary missing", { "content-type": "multipart/form-data" }, "x");
  raw("boundary 2 KB", { "content-type": `multipart/form-data; boundary=${"b".repeat(2000)}` }, "x");
  raw("JSON instead", { "content-type": "application/json" }, "{}");
  raw("raw JPEG bytes", { "content-type": "image/jpeg" }, photo);
  raw("Content-Length claims 20 MB", { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(20 * 1024 * 1024) }, "x");
  raw("signed out", { cookie: "", "content-type": `multipart/form-data; boundary=${boundary}` }, multipart("file", "photo.jpg", "image/jpeg", photo));
  return probes;
}
