import { beforeAll, expect, it } from "vitest";
import { createUser, requestPasswordReset, spendAccountLink } from "@/lib/users";
import { mailResetLink } from "@/lib/users/recovery";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";
import { mailServer, type ReceivedMail } from "../support/smtp";

/** A real SMTP server on loopback receives what the app sends. */
let received: ReceivedMail[];
let database: TestDatabase;

beforeAll(async () => {
  ({ received } = await mailServer());
  database = await freshDatabase({ asAppDatabase: true });
});

it("emails the invitation link when SMTP is configured", async () => {
  const admin = asViewer(await makeUser(database.db, "ADMIN"));
  const created = await createUser(admin, { name: "Noor Haddad", email: "noor@test.invalid", role: "EDITOR" });
  expect(created.emailed).toBe(true);
  expect(received).toHaveLength(1);
  expect(received[0]!.to).toEqual(["noor@test.invalid"]);
  const body = received[0]!.data.replace(/=\r?\n/g, "");
  expect(body).toContain("Subject: Your Copydesk account");
  expect(body).toContain(created.invitationUrl);
});

const bodyOf = (mail: { data: string }) => mail.data.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

it("mails a reset link for 'Forgot password?', answers alike for unknown addresses, and honours only a few an hour", async () => {
  const person = await makeUser(database.db, "REPORTER");
  const sent = received.length;
  // The same answer, whoever asks.
  expect(await requestPasswordReset({ email: person.email })).toEqual({ canMail: true });
  expect(await requestPasswordReset({ email: "nobody-here@test.invalid" })).toEqual({ canMail: true });
  await expect.poll(() => received.length).toBe(sent + 1);
  expect(await mailResetLink("nobody-here@test.invalid")).toBe(false);

  const mail = received.at(-1)!;
  expect(mail.to).toEqual([person.email]);
  expect(bodyOf(mail)).toContain("Subject: Reset your Copydesk password");
  const token = /\/login\/reset\/([\w-]{40,})/.exec(bodyOf(mail))![1]!;

  expect(await mailResetLink(person.email.toUpperCase())).toBe(true);
  expect(await mailResetLink(person.email)).toBe(true);
  expect(await mailResetLink(person.email)).toBe(false); // the fourth within the hour
  // Each new link replaced the one before.
  expect(await spendAccountLink("PASSWORD_RESET", { token, password: "from the first mail" }).catch((error: Error) => error.message)).toContain("replaced");
});
