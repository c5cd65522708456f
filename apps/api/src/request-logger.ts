import { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'set-cookie']);

/** Request headers safe to log: credentials are replaced by `[REDACTED]`. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, REDACTED_HEADERS.has(k.toLowerCase()) ? '[REDACTED]' : v]));
}

/**
 * One entry per request. With JSON logs (production) it is a structured object including the
 * headers, credentials redacted; in development a short line.
 */
export function requestLogger(logger: LoggerService, json: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      if (json) {
        logger.log({ msg: 'request', method: req.method, path: req.originalUrl, status: res.statusCode, ms, headers: redactHeaders(req.headers) }, 'HTTP');
      } else {
        logger.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms}ms`, 'HTTP');
      }
    });
    next();
  };
}
