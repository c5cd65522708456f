import { ConsoleLogger, INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, createValidationPipe } from '@app/core';
import { AppModule, AppModuleOptions } from './app.module';
import { logRequests } from './request-logger';
import { useSecurityHeaders } from './security-headers';
import { serveWebClient } from './web-client';

const KEEP_ALIVE_MS = 65_000;
const BODY_LIMIT_BYTES = 1024 * 1024;

export function createLogger(config: AppConfig): LoggerService {
  return new ConsoleLogger({ json: config.isProduction, logLevels: config.nodeEnv === 'test' ? ['error', 'warn'] : undefined });
}

/**
 * Builds the HTTP application (also used by the e2e tests, which listen on port 0). Nest and Apollo run on
 * Fastify: on the benchmark's flat list it answered about a third more requests per second than Express
 * with the same resolvers (decision 47).
 */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<INestApplication> {
  const logger = createLogger(config);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    // Idle keep-alive connections outlive a load balancer's (commonly 60 s) and a client's, so the server is never the
    // side that closes a socket a client is about to reuse (which the client sees as ECONNRESET).
    keepAliveTimeout: KEEP_ALIVE_MS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, { logger });
  app.getHttpServer().headersTimeout = KEEP_ALIVE_MS + 1_000;
  const server = app.getHttpAdapter().getInstance();
  // Apollo's sandbox page needs inline scripts; the strict CSP applies whenever it is off.
  useSecurityHeaders(server, { contentSecurityPolicy: config.graphqlPlayground ? false : contentSecurityPolicy(config.publicUrl), crossOriginEmbedderPolicy: false });
  await serveWebClient(server, config.webDir);
  // RFC 8058 one-click unsubscribes are posted as forms: url-encoded (Nest's adapter parses those) or, by
  // some providers, multipart. The signed token in the URL is the credential; a multipart body is not read.
  server.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins.includes('*') ? true : config.corsOrigins, maxAge: 600 });
  }
  app.useGlobalPipes(createValidationPipe());
  if (config.nodeEnv !== 'test') logRequests(server, logger, config.isProduction);
  return app;
}

/**
 * Helmet's defaults, narrowed for the browser client: scripts, styles and data only from this origin
 * (inline styles for the accessible primitives' positioning), and connections only to the API itself and
 * its WebSocket (graphql-ws on `/graphql`).
 */
function contentSecurityPolicy(publicUrl: string) {
  const ws = publicUrl.replace(/^http/, 'ws');
  return {
    directives: {
      'connect-src': ["'self'", ws],
      'img-src': ["'self'", 'data:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'frame-ancestors': ["'none'"],
    },
  };
}
