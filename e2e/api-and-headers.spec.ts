import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.describe("the staff API", () => {
  test("answers 401 without a session", async ({ request }) => {
    const response = await request.get("/api/v1/newsroom/users");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
  });

  test("answers 403 when the role forbids it", async ({ page }) => {
    await signIn(page, "editor@example.com");
    const response = await page.request.get("/api/v1/newsroom/users");
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  });

  test("lets an admin create users, refuses cross-site requests and bad input, changing nothing", async ({ page, baseURL }) => {
    await signIn(page, "admin@example.com");
    const count = async () => ((await (await page.request.get("/api/v1/newsroom/users")).json()) as { users: unknown[] }).users.length;
    const before = await count();

    const crossSite = await page.request.post("/api/v1/newsroom/users", {
      headers: { Origin: "https://evil.example" },
      data: { name: "Mallory", email: "mallory@example.com", role: "ADMIN" },
    });
    expect(crossSite.status()).toBe(403);

    const malformed = await page.request.post("/api/v1/newsroom/users", { headers: { "Content-Type": "application/json" }, data: "{not json" });
    expect(malformed.status()).toBe(400);
    const massAssignment = await page.request.post("/api/v1/newsroom/users", { data: { name: "X", email: "x@example.com", role: "ADMIN", passwordHash: "x" } });
    expect(massAssignment.status()).toBe(400);
    expect((await massAssignment.json()).error).toMatchObject({ code: "validation", field: "passwordHash" });
    expect(await count()).toBe(before);

    const sameSite = await page.request.post("/api/v1/newsroom/users", {
      headers: { Origin: new URL(baseURL!).origin },
      data: { name: "Api Person", email: `api-${Date.now()}@example.com`, role: "REPORTER" },
    });
    expect(sameSite.status()).toBe(201);
    const created = await sameSite.json();
    expect(created.invitationUrl).toContain("/invitations/");

    const noOrigin = await page.request.patch(`/api/v1/newsroom/users/${created.user.id}`, { data: { disabled: true } });
    expect(noOrigin.status()).toBe(200);
    expect((await noOrigin.json()).user).toMatchObject({ disabled: true });
    expect(await count()).toBe(before + 1);
  });
});

test("every page carries the security headers", async ({ request }) => {
  const pages = ["/", "/articles/delta-nations-sign-water-sharing-pact-after-a-decade-of-talks", "/login", "/newsroom", "/api/health"];
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "default-src 'self'"]) {
      expect(csp, `${path}: ${directive}`).toContain(directive);
    }
    expect(csp, path).not.toMatch(/https?:\/\//);
  }
  const staff = (await request.get("/login")).headers()["content-security-policy"]!;
  expect(staff).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(staff).not.toContain("unsafe-eval");
  const reader = (await request.get("/")).headers()["content-security-policy"]!;
  expect(reader).not.toContain("nonce-");
  // Reader pages carry no inline script (lib/reader/static-page.js), so none may run.
  expect(reader).toContain("script-src 'self';");
});

test("small things a review found: bad escapes are 400, a never-published archived story is 404, icons exist", async ({ page, request }) => {
  expect((await request.get("/articles/%E0%A4%A")).status()).toBe(400);
  await signIn(page, "editor@example.com");
  const created = await (await page.request.post("/api/v1/newsroom/articles", { data: { headline: `Never published ${Date.now()}` } })).json();
  expect((await page.request.post(`/api/v1/newsroom/articles/${created.id}/transitions`, { data: { action: "archive" } })).ok()).toBe(true);
  // The archive list is refreshed about once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect((await request.get(`/articles/${created.slug}`)).status()).toBe(404);

  const html = await (await request.get("/")).text();
  expect(html).toMatch(/<link rel="icon" href="\/icon\.svg[^"]*"[^>]* type="image\/svg\+xml"/);
  expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-icon\.png[^"]*"/);
  for (const icon of ["/icon.svg", "/apple-icon.png"]) expect((await request.get(icon)).status(), icon).toBe(200);
  // A link that browsers read as another host is refused in a body: the body is kept back and the link named.
  const draft = await (await page.request.post("/api/v1/newsroom/articles", { data: { headline: `Link check ${Date.now()}` } })).json();
  const saved = await page.request.patch(`/api/v1/newsroom/articles/${draft.id}`, {
    data: { version: draft.version, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Sign in", marks: [{ type: "link", attrs: { href: "/\\evil.example/login" } }] }] }] } },
  });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).invalid).toEqual([{ field: "body", message: expect.stringContaining("evil.example") }]);
  expect(JSON.stringify((await (await page.request.get(`/api/v1/newsroom/articles/${draft.id}`)).json()).body)).not.toContain("evil.example");
});

test("session cookies are httpOnly, SameSite=Lax and Secure in production", async ({ page, context }) => {
  await signIn(page, "reporter@example.com");
  const session = (await context.cookies()).find((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
});
