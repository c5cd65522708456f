import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

/**
 * Called at the instant the message's end-of-data mark (`CRLF . CRLF`) has been written to the
 * server's socket: the server now holds the whole message and accepts it even if this process dies
 * before reading the reply. Must start its own work synchronously (e.g. write a statement to the
 * database) — see `SmtpHandOff`.
 */
export type HandOffHook = () => void;

/**
 * A message source that tells when the SMTP client has written everything it produced, including
 * the terminating dot: Nodemailer pipes the message into its data stream, whose readable side ends
 * only after its last chunk (the dot) was handed to the socket.
 */
class HandOffSource extends Readable {
  constructor(
    private readonly body: Buffer,
    private readonly onHandedOff: HandOffHook,
  ) {
    super();
  }

  override _read(): void {
    this.push(this.body);
    this.push(null);
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    (destination as unknown as Readable).once('end', this.onHandedOff);
    return super.pipe(destination, options);
  }
}

/**
 * Sends messages over a small pool of SMTP connections (Nodemailer's `SMTPConnection`, which does the
 * greeting, STARTTLS, authentication and dot-stuffing), telling the caller the moment each message is
 * handed off. That lets a caller record "sent" on the same tick as the last byte leaves, instead of
 * after the server's reply: a crash can then only duplicate a message in the few microseconds between
 * the two writes, where the usual send-then-mark order duplicates every message the server had
 * accepted but not yet answered (a real MTA answers after writing its queue file, milliseconds).
 */
export class SmtpHandOff {
  private readonly logger = new Logger(SmtpHandOff.name);
  private readonly options: SMTPConnection.Options & { auth?: { user: string; pass: string } };
  private readonly idle: SMTPConnection[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly retired = new WeakSet<SMTPConnection>();
  private readonly maxConnections: number;
  private open = 0;
  private closed = false;

  /** `maxConnections` unless the URL names its own (`?maxConnections=2`, for a server that limits them). */
  constructor(url: string, maxConnections: number) {
    const { maxConnections: fromUrl, ...options } = parseConnectionUrl(url);
    this.maxConnections = Number(fromUrl) || maxConnections;
    this.options = { ...options, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000 } as typeof this.options;
  }

  /** Composes and sends one message; runs `onHandedOff` as described above. Returns its Message-ID; rejects with the server's error. */
  async send(mail: MailComposer.Options, onHandedOff: HandOffHook): Promise<string> {
    const compiled = new MailComposer(mail).compile();
    const envelope = compiled.getEnvelope();
    const body = await compiled.build();
    const connection = await this.acquire();
    const source = new HandOffSource(body, onHandedOff);
    try {
      await new Promise<void>((resolve, reject) =>
        connection.send({ from: envelope.from || undefined, to: envelope.to }, source, (error) => (error ? reject(error) : resolve())),
      );
      this.release(connection, true);
      return compiled.messageId();
    } catch (error) {
      // A refused envelope or message leaves the session usable after RSET; anything else closes it.
      const refused = typeof (error as { responseCode?: number }).responseCode === 'number';
      if (refused) connection.reset((resetError) => this.release(connection, !resetError));
      else this.release(connection, false);
      throw error;
    }
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.quit();
    this.wake();
  }

  private async acquire(): Promise<SMTPConnection> {
    for (;;) {
      if (this.closed) throw new Error('The mail sender is shut down');
      const ready = this.idle.pop();
      if (ready) return ready;
      if (this.open < this.maxConnections) {
        this.open += 1;
        try {
          return await this.connect();
        } catch (error) {
          this.open -= 1;
          this.wake();
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(connection: SMTPConnection, healthy: boolean): void {
    if (healthy && !this.closed) {
      this.idle.push(connection);
      this.wake();
    } else {
      this.discard(connection);
      connection.close();
    }
  }

  /** Forgets a connection that closed or failed (once), making room for a new one. */
  private discard(connection: SMTPConnection): void {
    if (this.retired.has(connection)) return;
    this.retired.add(connection);
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
    this.open -= 1;
    this.wake();
  }

  private wake(): void {
    if (this.closed) for (const waiter of this.waiting.splice(0)) waiter();
    else this.waiting.shift()?.();
  }

  private connect(): Promise<SMTPConnection> {
    const connection = new SMTPConnection(this.options);
    // A server closing an idle session (or a network error) retires the connection.
    connection.on('error', (error: Error) => {
      this.logger.warn(`SMTP connection error: ${error.message}`);
      this.discard(connection);
    });
    connection.on('end', () => this.discard(connection));
    return new Promise<SMTPConnection>((resolve, reject) => {
      connection.connect((error) => {
        if (error) return reject(error);
        if (!this.options.auth) return resolve(connection);
        connection.login(this.options.auth, (loginError) => (loginError ? reject(loginError) : resolve(connection)));
      });
    });
  }
}
