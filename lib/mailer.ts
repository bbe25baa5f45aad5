import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** a stable Message-ID, so a mail sent again after a lost acknowledgement is recognisably the same */
  messageId?: string;
}

/** Sends through SMTP_URL, or throws with the server's answer. */
export async function deliverMail(smtpUrl: string, mail: Mail): Promise<void> {
  await nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }).sendMail({ from: env().MAIL_FROM, ...mail });
}

/**
 * Sends a plain-text email through SMTP_URL. Without SMTP configured nothing
 * is sent and the caller shows the content (an invitation link) to the admin
 * instead. A failed send is logged, never fatal: returns whether it went.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const { SMTP_URL } = env();
  if (!SMTP_URL) return false;
  try {
    await deliverMail(SMTP_URL, mail);
    return true;
  } catch (error) {
    console.error(`[mail] could not send "${mail.subject}" to ${mail.to}:`, error instanceof Error ? error.message : error);
    return false;
  }
}
