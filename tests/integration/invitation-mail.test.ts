import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser } from "@/lib/users";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { freshDatabase, type TestDatabase } from "../support/database";
import { asViewer, makeUser } from "../support/factories";

/** A real SMTP server on loopback receives what the app sends. */
const received: { to: string[]; data: string }[] = [];
let smtp: SMTPServer;
let database: TestDatabase;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  database = await freshDatabase({ asAppDatabase: true });
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

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
