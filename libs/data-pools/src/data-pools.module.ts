import { Module } from '@nestjs/common';
import { ProposalsModule } from '@app/proposals';
import { WorkingGroupsModule } from '@app/working-groups';
import { DataAccessRequestFieldsResolver } from './access/access-request-fields.resolver';
import { AccessRequestsResolver } from './access/access-requests.resolver';
import { AccessRequestsService } from './access/access-requests.service';
import { OrganizationDataPoolsResolver, WorkingGroupDataPoolsResolver, WorkingGroupViewerCanDataPoolsResolver } from './data-pool-links.resolver';
import { DataPoolRoles } from './data-pool-roles';
import { DatasetsResolver } from './datasets/datasets-mutations.resolver';
import { DatasetFieldsResolver } from './datasets/datasets.resolver';
import { DatasetsService } from './datasets/datasets.service';
import { DataPoolExpiry } from './expiry/data-pool-expiry.service';
import { DataPoolHistory } from './history/data-pool-history';
import { DataPoolEventFieldsResolver } from './history/pool-event-fields.resolver';
import { DataPoolsResolver } from './pools/data-pools.resolver';
import { DataPoolsService } from './pools/data-pools.service';
import { PoolLifecycleService } from './pools/pool-lifecycle.service';
import { DataPoolSignatoryResolver } from './signatories/signatories.resolver';
import { SignaturesResolver } from './signatories/signatures.resolver';
import { SignaturesService } from './signatories/signatures.service';

@Module({
  imports: [ProposalsModule, WorkingGroupsModule],
  providers: [
    DataPoolHistory,
    DataPoolRoles,
    DataPoolsService,
    DataPoolsResolver,
    PoolLifecycleService,
    SignaturesService,
    SignaturesResolver,
    DatasetsService,
    DatasetsResolver,
    AccessRequestsService,
    AccessRequestsResolver,
    DataPoolExpiry,
    DataPoolSignatoryResolver,
    DatasetFieldsResolver,
    DataAccessRequestFieldsResolver,
    DataPoolEventFieldsResolver,
    WorkingGroupDataPoolsResolver,
    OrganizationDataPoolsResolver,
    WorkingGroupViewerCanDataPoolsResolver,
  ],
  exports: [DataPoolsService, PoolLifecycleService, SignaturesService, DatasetsService, AccessRequestsService, DataPoolExpiry, DataPoolHistory, DataPoolRoles],
})
export class DataPoolsModule {}
