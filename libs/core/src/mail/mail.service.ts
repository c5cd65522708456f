import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { HandOffHook, SmtpHandOff } from './smtp-hand-off';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Stable per delivery (`<id@host>`), so a retried send is recognisably the same message. */
  messageId?: string;
  attachments?: { filename: string; content: Buffer | string; contentType: string }[];
  /** Meeting emails carry the ICS also as the text/calendar alternative (RFC 6047 iMIP). */
  icalEvent?: { method: string; content: string; filename?: string };
}

/** SMTP connections kept open per process; also how many emails a worker sends at once. */
export const SMTP_POOL_CONNECTIONS = 5;

/**
 * Sends email: over SMTP when `SMTP_URL` is set (`SmtpHandOff`'s pooled connections); otherwise each
 * message is written as an RFC 5322 `.eml` file under `DATA_DIR/mail/` and logged, so a fresh install
 * needs no server.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly smtp?: SmtpHandOff;
  private readonly files: Transporter;
  private readonly mailDir: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.mailDir = join(config.dataDir, 'mail');
    // SMTP connections are pooled and reused: opening one costs a TCP handshake, the server's
    // greeting (often delayed on purpose) and EHLO, far more than sending one message.
    if (config.smtpUrl) this.smtp = new SmtpHandOff(config.smtpUrl, SMTP_POOL_CONNECTIONS);
    this.files = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string; file?: string }> {
    if (this.smtp) return { messageId: await this.smtp.send({ from: this.config.mailFrom, ...mail }, () => undefined) };
    const info = await this.files.sendMail({ from: this.config.mailFrom, ...mail });
    await mkdir(this.mailDir, { recursive: true });
    const file = join(this.mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`);
    await writeFile(file, (info as unknown as { message: Buffer }).message);
    this.logger.log(`Email "${mail.subject}" to ${mail.to} written to ${file}`);
    return { messageId: info.messageId, file };
  }

  /**
   * Sends like `send`, and runs `onHandedOff` the moment the message is out of this process's hands
   * (its last byte written to the SMTP server, or its `.eml` file written), before the server's
   * reply: see `SmtpHandOff`. The server may still refuse it after that (the promise rejects).
   */
  async sendHandingOff(mail: OutgoingMail, onHandedOff: HandOffHook): Promise<void> {
    if (this.smtp) {
      await this.smtp.send({ from: this.config.mailFrom, ...mail }, onHandedOff);
      return;
    }
    await this.send(mail);
    onHandedOff();
  }

  onApplicationShutdown(): void {
    this.files.close();
    this.smtp?.close();
  }
}
