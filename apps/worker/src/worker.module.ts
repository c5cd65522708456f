import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@app/core';
import { MeetingPrepModule } from '@app/meeting-prep';
import { DataPoolsModule } from '@app/data-pools';
import { GovernanceModule } from '@app/governance';
import { MarketplaceModule } from '@app/marketplace';
import { MeetingsModule } from '@app/meetings';
import { NotificationsModule } from '@app/notifications';
import { OrganizationsModule } from '@app/organizations';
import { PeopleModule } from '@app/people';
import { PrioritiesModule } from '@app/priorities';
import { ProposalsModule } from '@app/proposals';
import { WorkingGroupsModule } from '@app/working-groups';

/**
 * The notification worker: the domain (which the recipient rules and email attachments read) and the
 * notifications lib, which consumes the queues when `runWorker` is set. No HTTP, no GraphQL.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
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
        NotificationsModule,
      ],
    };
  }
}
