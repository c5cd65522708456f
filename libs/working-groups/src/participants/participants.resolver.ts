import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, MaxItems, Viewer } from '@app/core';
import { createPeopleLoaders, Person, PersonEntity } from '@app/people';
import { ParticipantRole } from '../working-group.enums';
import { WorkingGroup, WorkingGroupParticipant } from '../working-group.model';
import { createWorkingGroupLoaders, LISTED_PARTICIPATIONS } from '../working-groups.loader';
import { ParticipantEntity } from './participant.entity';
import { SeatsService } from './seats.service';

@Resolver(() => WorkingGroupParticipant)
export class ParticipantsResolver {
  constructor(private readonly seats: SeatsService) {}

  @Mutation(() => WorkingGroupParticipant, {
    description: "Seats a person (their organisation must be an active member) or changes their role. Chairs, secretaries, admins.",
  })
  setParticipantRole(
    @CurrentViewer() viewer: Viewer,
    @Args('workingGroupId', { type: () => ID }) workingGroupId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('role', { type: () => ParticipantRole }) role: ParticipantRole,
  ) {
    return this.seats.setRole(viewer, workingGroupId, personId, role);
  }

  @Mutation(() => Boolean, { description: 'Ends a seat. The last CHAIR cannot be removed (CONFLICT).' })
  removeParticipant(
    @CurrentViewer() viewer: Viewer,
    @Args('workingGroupId', { type: () => ID }) workingGroupId: string,
    @Args('personId', { type: () => ID }) personId: string,
  ) {
    return this.seats.remove(viewer, workingGroupId, personId);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(seat: ParticipantEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).byId.load(seat.workingGroupId);
  }

  @ResolveField(() => Person)
  person(seat: ParticipantEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createPeopleLoaders).byId.load(seat.personId);
  }
}

/** `Person.participations`: the person's current seats. */
@Resolver(() => Person)
export class PersonParticipationsResolver {
  @ResolveField(() => [WorkingGroupParticipant], { description: `Current seats, oldest first; the first ${LISTED_PARTICIPATIONS}.` })
  @MaxItems(LISTED_PARTICIPATIONS)
  participations(person: PersonEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).seatsOfPerson.load(person.id);
  }
}
