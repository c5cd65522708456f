import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GqlContext, pageArgs, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { createPeopleLoaders, Person } from '@app/people';
import { AuditEntry, AuditEntryConnection } from './audit-entry.model';
import { AuditEntryRow, AuditLogService } from './audit-log.service';
import { AuditLogArgs } from './dto/audit-log.args';

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(private readonly service: AuditLogService) {}

  @Query(() => AuditEntryConnection, { description: 'Admins only; newest first' })
  auditLog(@CurrentViewer() viewer: Viewer, @Args() args: AuditLogArgs) {
    return this.service.list(viewer, args.filter, pageArgs(args));
  }

  @ResolveField(() => Person, { nullable: true, description: 'Null once the actor has been erased' })
  actor(entry: AuditEntryRow, _args: unknown, ctx: GqlContext) {
    return entry.actorId ? ctx.loaders.of(createPeopleLoaders).byId.load(entry.actorId) : null;
  }

  @ResolveField(() => Organization, { nullable: true })
  actorOrganization(entry: AuditEntryRow, _args: unknown, ctx: GqlContext) {
    return entry.actorOrganizationId ? ctx.loaders.of(createOrganizationLoaders).byId.load(entry.actorOrganizationId) : null;
  }
}
