import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that parses every message it accepts (smtp-server + mailparser). */
export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Raw Message-ID header of every accepted message, in arrival order (duplicates included). */
  messageIds: string[];
  /** Makes the next `count` messages fail with this SMTP reply code (e.g. 451 transient, 550 permanent). */
  failNext(count: number, code: number): void;
  waitFor(predicate: (messages: ParsedMail[]) => boolean, timeoutMs?: number): Promise<ParsedMail[]>;
  /** With `hold`: lets the held senders go on (and every later one at once). */
  release(): void;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /**
   * Waits this long after receiving (and recording) a message before replying 250, like a slow MTA:
   * a sender killed in that window never hears that the message was accepted.
   */
  replyDelayMs?: number;
  /**
   * Holds every sender at `MAIL FROM` (before any of its message arrives) until `release()`: proves
   * that a caller does not wait for the mail server.
   */
  hold?: boolean;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const messageIds: string[] = [];
  let failures: { count: number; code: number } = { count: 0, code: 0 };
  let held: (() => void)[] | null = options.hold ? [] : null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (held) held.push(() => callback());
      else callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures.count > 0) {
          failures.count -= 1;
          const error = Object.assign(new Error(failures.code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: failures.code });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            messages.push(mail);
            messageIds.push(mail.messageId ?? '');
            if (options.replyDelayMs) setTimeout(() => callback(), options.replyDelayMs);
            else callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A client that dies mid-session (the crash test SIGKILLs the worker) resets its connection: that is
  // not the sink's failure, and an 'error' event without a listener would crash the test process.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error(`SMTP sink: ${error.message}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    messageIds,
    release() {
      const waiting = held ?? [];
      held = null;
      for (const go of waiting) go();
    },
    failNext(count, code) {
      failures = { count, code };
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for mail; got ${messages.length}: ${messages.map((m) => m.subject).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
