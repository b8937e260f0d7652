import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * How email leaves Tandem:
 * - `smtp`: through the SMTP server in SMTP_URL;
 * - `dev_outbox`: no SMTP outside production — mail stays in the database and is shown at
 *   /dev/outbox, so a developer can follow an invitation link;
 * - `unavailable`: production without SMTP — actions that must send mail are refused.
 */
export interface Mailer {
  readonly mode: 'smtp' | 'dev_outbox' | 'unavailable';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; production: boolean }): Mailer {
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl, { from: options.from });
    return {
      mode: 'smtp',
      async send(email) {
        await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text });
      },
      close: () => transport.close(),
    };
  }
  return {
    mode: options.production ? 'unavailable' : 'dev_outbox',
    async send() {
      throw new Error('No SMTP server is configured (SMTP_URL)');
    },
    close() {},
  };
}
