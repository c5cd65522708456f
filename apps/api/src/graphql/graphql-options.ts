import { join } from 'node:path';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { DataSource } from 'typeorm';
import { AppConfig, AuthService, createFormatError, GqlContext, RequestLoaders } from '@app/core';
import { aliasLimitRule, costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';

/** Limits checked before execution (see docs/operations.md). */
export const QUERY_LIMITS = { depth: 12, cost: 50_000, aliases: 50 };

export const queryLimitRules = () => [
  depthLimitRule(QUERY_LIMITS.depth),
  costLimitRule(QUERY_LIMITS.cost),
  aliasLimitRule(QUERY_LIMITS.aliases),
];

export const SCHEMA_FILE = join(process.cwd(), 'apps', 'api', 'schema.gql');

export interface GraphqlOptionsInput {
  config: AppConfig;
  auth: AuthService;
  dataSource: DataSource;
  /** Where to write the SDL; false keeps it in memory (production). */
  schemaFile: string | false;
}

type ExpressRequest = GqlContext['req'];

/** Apollo settings: per-request context (viewer + loaders), error formatting, limits, landing page. */
export function graphqlOptions({ config, auth, dataSource, schemaFile }: GraphqlOptionsInput): ApolloDriverConfig {
  const logger = new Logger('GraphQL');
  return {
    autoSchemaFile: schemaFile === false ? true : schemaFile,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: config.graphqlPlayground,
    plugins: config.graphqlPlayground ? [ApolloServerPluginLandingPageLocalDefault({ embed: true })] : [],
    includeStacktraceInErrorResponses: false,
    validationRules: queryLimitRules(),
    formatError: createFormatError({
      exposeInternals: !config.isProduction,
      log: (error) => logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    }),
    context: async ({ req }: { req: ExpressRequest }): Promise<GqlContext> => {
      const header = req.headers.authorization;
      const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : null;
      if (!token) return { req, viewer: null, loaders: new RequestLoaders(dataSource, null) };
      const resolution = await auth.resolveBearer(token);
      return {
        req,
        viewer: resolution.viewer,
        authProblem: resolution.viewer ? undefined : resolution.problem,
        loaders: new RequestLoaders(dataSource, resolution.viewer),
      };
    },
  };
}
