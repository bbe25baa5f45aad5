import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends a plain-text email through SMTP_URL. Without SMTP configured nothing
 * is sent and the caller shows the content (an invitation link) to the admin
 * instead. A failed send is logged, never fatal: returns whether it went.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return false;
  try {
    await nodemailer.createTransport(SMTP_URL).sendMail({ from: MAIL_FROM, ...mail });
    return true;
  } catch (error) {
    console.error(`[mail] could not send "${mail.subject}" to ${mail.to}:`, error instanceof Error ? error.message : error);
    return false;
  }
}
