import { Module } from '@nestjs/common';
import { WorkingGroupsModule } from '@app/working-groups';
import { PrioritiesResolver, WorkingGroupPrioritiesResolver, WorkingGroupViewerCanPrioritiesResolver } from './priorities.resolver';
import { PrioritiesService } from './priorities.service';
import { PriorityPolicy } from './priority.policy';

@Module({
  imports: [WorkingGroupsModule],
  providers: [PriorityPolicy, PrioritiesService, PrioritiesResolver, WorkingGroupPrioritiesResolver, WorkingGroupViewerCanPrioritiesResolver],
  exports: [PrioritiesService, PriorityPolicy],
})
export class PrioritiesModule {}
