/**
 * Sending one notification over its rule's channel: a signed webhook (JSON), a Slack/Teams
 * incoming webhook (text), or e-mail over SMTP (nodemailer). A send that does not succeed throws;
 * the caller retries.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { ChangeNotification, ChannelKind } from '../inventory/model.js';
import { chatBody, subjectLine, textBody } from './render.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://… */
  smtpUrl: string;
  from: string;
}

export interface ChannelTarget {
  channel: ChannelKind;
  target: string;
  secret?: string | null;
}

const TIMEOUT_MS = 15_000;

/** E-mail settings from COVERED_SMTP_URL and COVERED_MAIL_FROM; none when no SMTP server is set. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | undefined {
  if (!env.COVERED_SMTP_URL) return undefined;
  return { smtpUrl: env.COVERED_SMTP_URL, from: env.COVERED_MAIL_FROM ?? 'covered@localhost' };
}

export class Channels {
  private mailer?: Transporter;

  constructor(private readonly mail?: MailSettings) {}

  async send(to: ChannelTarget, notification: ChangeNotification): Promise<void> {
    switch (to.channel) {
      case 'webhook':
        return this.post(to.target, JSON.stringify(notification), notification, to.secret ?? undefined);
      case 'slack':
        return this.post(to.target, JSON.stringify(chatBody(notification)), notification);
      case 'email':
        return this.email(to.target, notification);
    }
  }

  close(): void {
    this.mailer?.close();
  }

  /** POSTs a JSON body with the event's id and name in headers, signed when there is a secret. */
  async post(url: string, body: string, n: { id: string; event: string }, secret?: string): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json', [DELIVERY_HEADER]: n.id, 'idempotency-key': n.id, [EVENT_HEADER]: n.event };
    if (secret) headers[SIGNATURE_HEADER] = signatureHeader(secret, body);
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${new URL(url).host}`);
    await res.body?.cancel();
  }

  private async email(to: string, n: ChangeNotification): Promise<void> {
    if (!this.mail) throw new Error('no SMTP server is configured (COVERED_SMTP_URL)');
    this.mailer ??= createTransport(this.mail.smtpUrl, { from: this.mail.from });
    await this.mailer.sendMail({
      from: this.mail.from,
      to,
      subject: subjectLine(n),
      text: textBody(n),
      headers: { 'X-Covered-Delivery': n.id },
      messageId: `<${n.id}@covered>`,
    });
  }
}
