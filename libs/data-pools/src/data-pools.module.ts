import { Module } from '@nestjs/common';
import { ProposalsModule } from '@app/proposals';
import { WorkingGroupsModule } from '@app/working-groups';
import { DataAccessRequestFieldsResolver } from './access/access-request-fields.resolver';
import { OrganizationDataPoolsResolver, WorkingGroupDataPoolsResolver } from './data-pool-links.resolver';
import { DataPoolRoles } from './data-pool-roles';
import { DatasetFieldsResolver } from './datasets/datasets.resolver';
import { DataPoolHistory } from './history/data-pool-history';
import { DataPoolEventFieldsResolver } from './history/pool-event-fields.resolver';
import { DataPoolsResolver } from './pools/data-pools.resolver';
import { DataPoolsService } from './pools/data-pools.service';
import { DataPoolSignatoryResolver } from './signatories/signatories.resolver';

@Module({
  imports: [ProposalsModule, WorkingGroupsModule],
  providers: [
    DataPoolHistory,
    DataPoolRoles,
    DataPoolsService,
    DataPoolsResolver,
    DataPoolSignatoryResolver,
    DatasetFieldsResolver,
    DataAccessRequestFieldsResolver,
    DataPoolEventFieldsResolver,
    WorkingGroupDataPoolsResolver,
    OrganizationDataPoolsResolver,
  ],
  exports: [DataPoolsService, DataPoolHistory, DataPoolRoles],
})
export class DataPoolsModule {}
