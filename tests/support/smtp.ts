import { SMTPServer } from "smtp-server";
import { afterAll } from "vitest";
import { freePort } from "@/scripts/lib/embedded-postgres";

export interface ReceivedMail {
  to: string[];
  data: string;
}

/**
 * A real SMTP server on loopback for this test file, set as SMTP_URL (call it
 * before anything reads the configuration). It refuses an address with 451
 * as many times as `refusals` holds for it, then takes its mail into
 * `received`. Closed after the file.
 */
export async function mailServer() {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address) ?? 0;
      if (left === 0) return callback();
      refusals.set(address.address, left - 1);
      callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
    },
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
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  return { received, refusals };
}
