import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@app/core';
import { AntitrustModule, AuditModule } from '@app/governance';
import { MeetingPrepModule } from '@app/meeting-prep';
import { MarketplaceModule } from '@app/marketplace';
import { MeetingsModule } from '@app/meetings';
import { NotificationsModule } from '@app/notifications';
import { OrganizationsModule } from '@app/organizations';
import { PeopleModule } from '@app/people';
import { PrioritiesModule } from '@app/priorities';
import { ProposalsModule } from '@app/proposals';
import { WorkingGroupsModule } from '@app/working-groups';

/** The domain without the HTTP/GraphQL layer, for admin commands; what they change is audited (AuditModule). */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(config), OrganizationsModule, PeopleModule, WorkingGroupsModule, PrioritiesModule, ProposalsModule, MeetingsModule, MarketplaceModule, MeetingPrepModule, NotificationsModule, AuditModule, AntitrustModule],
    };
  }
}
