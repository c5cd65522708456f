import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AppConfig, AuthGuard, AuthService, CoreModule, DomainErrorFilter, LiveConnections } from '@app/core';
import { DataPoolsModule } from '@app/data-pools';
import { GovernanceModule } from '@app/governance';
import { MarketplaceModule } from '@app/marketplace';
import { MeetingPrepModule } from '@app/meeting-prep';
import { MeetingsModule } from '@app/meetings';
import { NotificationsModule } from '@app/notifications';
import { OrganizationsModule } from '@app/organizations';
import { PeopleModule } from '@app/people';
import { PrioritiesModule } from '@app/priorities';
import { ProposalsModule } from '@app/proposals';
import { PrivacyModule } from '@app/privacy';
import { SearchModule } from '@app/search';
import { WorkingGroupsModule } from '@app/working-groups';
import { graphqlOptions, SCHEMA_FILE } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';

export interface AppModuleOptions {
  /** Defaults to apps/api/schema.gql outside production, in memory in production. */
  schemaFile?: string | false;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    const schemaFile = options.schemaFile ?? (config.isProduction ? false : SCHEMA_FILE);
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AuthService, LiveConnections, DataSource, GraphQLSchemaHost],
          useFactory: (auth: AuthService, liveConnections: LiveConnections, dataSource: DataSource, schemaHost: GraphQLSchemaHost) =>
            graphqlOptions({ config, auth, liveConnections, dataSource, schemaHost, schemaFile }),
        }),
        OrganizationsModule,
        PeopleModule,
        WorkingGroupsModule,
        PrioritiesModule,
        ProposalsModule,
        MeetingsModule,
        MarketplaceModule,
        DataPoolsModule,
        GovernanceModule,
        MeetingPrepModule,
        SearchModule,
        PrivacyModule,
        NotificationsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
