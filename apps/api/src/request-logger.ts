import { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'set-cookie']);

/** Request headers safe to log: credentials are replaced by `[REDACTED]`. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, REDACTED_HEADERS.has(k.toLowerCase()) ? '[REDACTED]' : v]));
}

/**
 * One entry per answered request. With JSON logs (production) it is a structured object including the
 * headers, credentials redacted; in development a short line.
 */
export function logRequests(server: FastifyInstance, logger: LoggerService, json: boolean): void {
  server.addHook('onResponse', (request, reply, done) => {
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    if (json) {
      logger.log({ msg: 'request', method: request.method, path: request.url, status: reply.statusCode, ms, headers: redactHeaders(request.headers) }, 'HTTP');
    } else {
      logger.log(`${request.method} ${request.url} ${reply.statusCode} ${ms}ms`, 'HTTP');
    }
    done();
  });
}
