import { ConsoleLogger, INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { AppConfig, createValidationPipe } from '@app/core';
import { AppModule, AppModuleOptions } from './app.module';
import { requestLogger } from './request-logger';

const KEEP_ALIVE_MS = 65_000;

export function createLogger(config: AppConfig): LoggerService {
  return new ConsoleLogger({ json: config.isProduction, logLevels: config.nodeEnv === 'test' ? ['error', 'warn'] : undefined });
}

/** Builds the HTTP application (also used by the e2e tests, which listen on port 0). */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<INestApplication> {
  const logger = createLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { logger, bodyParser: false });
  app.useBodyParser('json', { limit: '1mb' });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Idle keep-alive connections outlive a load balancer's (commonly 60 s) and a client's, so the server is never the
  // side that closes a socket a client is about to reuse (which the client sees as ECONNRESET).
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  // GraphQL answers are POSTs that are never revalidated: no SHA-1 of every response body.
  app.set('etag', false);
  // Apollo's sandbox page needs inline scripts; the strict CSP applies whenever it is off.
  app.use(helmet({ contentSecurityPolicy: config.graphqlPlayground ? false : undefined, crossOriginEmbedderPolicy: false }));
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins.includes('*') ? true : config.corsOrigins, maxAge: 600 });
  }
  app.useGlobalPipes(createValidationPipe());
  if (config.nodeEnv !== 'test') app.use(requestLogger(logger, config.isProduction));
  return app;
}
