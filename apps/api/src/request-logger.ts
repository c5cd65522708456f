import { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'set-cookie']);

/** Request headers safe to log: credentials are replaced by `[REDACTED]`. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const key of Object.keys(headers)) safe[key] = REDACTED_HEADERS.has(key.toLowerCase()) ? '[REDACTED]' : headers[key];
  return safe;
}

/**
 * Lines written together once per turn of the event loop: under load one write serves many requests
 * instead of one write each. Whatever is pending is written on exit.
 */
export class BatchedLines {
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly write: (text: string) => void) {
    process.once('exit', () => this.flush());
  }

  push(line: string): void {
    this.pending.push(line);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.write(text);
  }
}

/**
 * One JSON line per answered request, in the shape of Nest's JSON logger (`level`, `pid`, `timestamp`,
 * `message`, `context`), with the headers, credentials redacted.
 */
export function requestLogLine(method: string, path: string, status: number, ms: number, headers: Record<string, unknown>, now = Date.now()): string {
  const message = { msg: 'request', method, path, status, ms, headers: redactHeaders(headers) };
  return `${JSON.stringify({ level: 'log', pid: process.pid, timestamp: now, message, context: 'HTTP' })}\n`;
}

/**
 * One entry per answered request. With JSON logs (production) it is a structured line written by
 * `BatchedLines` (Nest's JSON logger, with its per-value replacer and one write per line, cost about 3 %
 * of a small list's CPU); in development a short line through the logger.
 */
export function logRequests(server: FastifyInstance, logger: LoggerService, json: boolean): void {
  const lines = json ? new BatchedLines((text) => process.stdout.write(text)) : null;
  server.addHook('onResponse', (request, reply, done) => {
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    if (lines) {
      lines.push(requestLogLine(request.method, request.url, reply.statusCode, ms, request.headers));
    } else {
      logger.log(`${request.method} ${request.url} ${reply.statusCode} ${ms}ms`, 'HTTP');
    }
    done();
  });
}
