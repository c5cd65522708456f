import { ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { DataPoolEventEntity } from './pool-event.entity';
import { DataPoolEvent } from './pool-event.model';

@Resolver(() => DataPoolEvent)
export class DataPoolEventFieldsResolver {
  @ResolveField(() => Person, { nullable: true, description: 'Null for the platform (expiry).' })
  actor(event: DataPoolEventEntity, _args: unknown, ctx: GqlContext) {
    return event.actorId ? ctx.loaders.of(createPeopleLoaders).byId.load(event.actorId) : null;
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The organisation it concerns: invited, signed, withdrew, contributed, asked for access.' })
  organization(event: DataPoolEventEntity, _args: unknown, ctx: GqlContext) {
    return event.organizationId ? ctx.loaders.of(createOrganizationLoaders).byId.load(event.organizationId) : null;
  }
}
