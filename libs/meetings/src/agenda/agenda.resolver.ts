import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, Viewer } from '@app/core';
import { createPeopleLoaders, Person } from '@app/people';
import { createPriorityLoaders, Priority } from '@app/priorities';
import { CooperationProposal, createProposalLoaders } from '@app/proposals';
import { SetAgendaArgs } from '../dto/agenda.input';
import { Meeting } from '../meeting.model';
import { AgendaItemEntity } from './agenda-item.entity';
import { AgendaItem } from './agenda-item.model';
import { AgendaService } from './agenda.service';

@Resolver(() => AgendaItem)
export class AgendaResolver {
  constructor(private readonly service: AgendaService) {}

  @Mutation(() => Meeting, { description: 'Replaces the whole agenda, in the given order. Organisers only; not when CANCELLED.' })
  setAgenda(@CurrentViewer() viewer: Viewer, @Args() { meetingId, items }: SetAgendaArgs) {
    return this.service.setAgenda(viewer, meetingId, items);
  }

  @ResolveField(() => Person, { nullable: true })
  presenter(item: AgendaItemEntity, _args: unknown, ctx: GqlContext) {
    return item.presenterId ? ctx.loaders.of(createPeopleLoaders).byId.load(item.presenterId) : null;
  }

  @ResolveField(() => CooperationProposal, { nullable: true, description: 'Null also when the viewer may not read the proposal.' })
  proposal(item: AgendaItemEntity, _args: unknown, ctx: GqlContext) {
    return item.proposalId ? ctx.loaders.of(createProposalLoaders).visibleById.load(item.proposalId) : null;
  }

  @ResolveField(() => Priority, { nullable: true })
  priority(item: AgendaItemEntity, _args: unknown, ctx: GqlContext) {
    return item.priorityId ? ctx.loaders.of(createPriorityLoaders).byId.load(item.priorityId) : null;
  }
}
