import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the browser client built into `webDir` (decision 180): hashed assets under `/assets/` with a
 * year's immutable caching, and `index.html` (never cached, so a deploy is seen at once) for every other
 * GET that asks for HTML and that no API route answers — the client's own routes (`/proposals/:id`,
 * `/sign-in?token=…`), which the API writes into emails. The API's routes (`/graphql`, `/exports/…`,
 * `/unsubscribe`, `/health`, `/contexts/…`) are registered as such and win over this catch-all; a request
 * for anything else that does not accept HTML (an API client, a missing asset) gets the API's 404.
 */
export async function serveWebClient(server: FastifyInstance, webDir: string): Promise<void> {
  const assets = join(webDir, 'assets');
  if (existsSync(assets)) {
    await server.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      index: false,
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply) => reply.header('cache-control', `public, max-age=${YEAR_SECONDS}, immutable`),
    });
  }
  let index: string | null = null;
  const page = (): string | null => {
    if (index !== null) return index;
    const file = join(webDir, 'index.html');
    index = existsSync(file) ? readFileSync(file, 'utf8') : null;
    return index;
  };
  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    const html = page();
    const accept = request.headers.accept ?? '';
    if (html === null || !accept.includes('text/html') || request.url.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  };
  server.get('/', handler);
  server.get('/*', handler);
}
