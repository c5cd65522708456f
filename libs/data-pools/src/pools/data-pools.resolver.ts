import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionArgs, Context, CurrentViewer, GqlContext, MaxItems, pageArgs, Viewer } from '@app/core';
import { createOrganizationLoaders, Organization } from '@app/organizations';
import { CooperationProposal, createProposalLoaders } from '@app/proposals';
import { createWorkingGroupLoaders, WorkingGroup } from '@app/working-groups';
import { DataAccessRequestConnection } from '../access/access-request.model';
import { createDataPoolLoaders, LISTED_DATASETS, LISTED_SIGNATORIES } from '../data-pools.loader';
import { Dataset } from '../datasets/dataset.model';
import { AccessRequestsArgs } from '../dto/access-request.input';
import { ChangeDataPoolStateArgs, CreateDataPoolInput, DataPoolsArgs, UpdateDataPoolTermsArgs } from '../dto/data-pool.input';
import { DataPoolEventConnection } from '../history/pool-event.model';
import { DataPoolSignatory } from '../signatories/signatory.model';
import { DataPoolEntity } from './data-pool.entity';
import { dataPoolActions } from '../data-pool-permissions';
import { DataPool, DataPoolConnection, DataPoolViewerCan } from './data-pool.model';
import { DataPoolsService } from './data-pools.service';
import { PoolLifecycleService } from './pool-lifecycle.service';

@Resolver(() => DataPool)
export class DataPoolsResolver {
  constructor(
    private readonly service: DataPoolsService,
    private readonly lifecycle: PoolLifecycleService,
  ) {}

  @Query(() => DataPool, { nullable: true, description: 'Null when unknown or not readable by the viewer.' })
  dataPool(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(viewer, id);
  }

  @Query(() => DataPoolConnection, { description: 'The pools the viewer may read, newest first.' })
  dataPools(@CurrentViewer() viewer: Viewer, @Args() args: DataPoolsArgs) {
    return this.service.list(viewer, args.state, pageArgs(args));
  }

  @Mutation(() => DataPool, {
    description: "A DRAFT pool in a group, its steward the creator's organisation (admins: any); PARTIES unless WORKING_GROUP is asked for.",
  })
  createDataPool(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateDataPoolInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => DataPool, {
    description: 'A new terms version: every signature goes back to PENDING and an ACTIVE pool to OPEN_FOR_SIGNATURE. CONFLICT when stale.',
  })
  updateDataPoolTerms(@CurrentViewer() viewer: Viewer, @Args() args: UpdateDataPoolTermsArgs) {
    return this.lifecycle.updateTerms(viewer, args.id, args.expectedVersion, args.terms, args.validUntil);
  }

  @Mutation(() => DataPool, {
    description:
      'Allowed moves: DRAFT->OPEN_FOR_SIGNATURE, OPEN_FOR_SIGNATURE->ACTIVE (only when every STEWARD, CONTRIBUTOR and HOST signed the current terms), ' +
      'ACTIVE->SUSPENDED->ACTIVE, any but CLOSED->CLOSED (steward, chairs, admins). EXPIRED is set by the platform at validUntil.',
  })
  changeDataPoolState(@CurrentViewer() viewer: Viewer, @Args() args: ChangeDataPoolStateArgs) {
    return this.lifecycle.changeState(viewer, args.id, args.state, args.note);
  }

  @ResolveField(() => WorkingGroup)
  workingGroup(pool: DataPoolEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createWorkingGroupLoaders).byId.load(pool.workingGroupId);
  }

  @ResolveField(() => CooperationProposal, { nullable: true, description: 'The DATA_POOLING proposal the pool came from, if any (null when the viewer may not read it).' })
  proposal(pool: DataPoolEntity, _args: unknown, ctx: GqlContext) {
    return pool.proposalId ? ctx.loaders.of(createProposalLoaders).visibleById.load(pool.proposalId) : null;
  }

  @ResolveField(() => DataPoolViewerCan, { description: 'What the viewer may do with it now; computed by the rules the mutations apply.' })
  async viewerCan(pool: DataPoolEntity, _args: unknown, ctx: GqlContext) {
    const loaders = ctx.loaders.of(createDataPoolLoaders);
    const [role, signatory] = await Promise.all([
      ctx.loaders.of(createWorkingGroupLoaders).viewerRole.load(pool.workingGroupId),
      loaders.viewerSignatory.load(pool.id),
    ]);
    return dataPoolActions(ctx.viewer!, pool, { role, signatory }, () => loaders.missingSignatures.load(pool.id));
  }

  @ResolveField(() => Organization)
  steward(pool: DataPoolEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createOrganizationLoaders).byId.load(pool.stewardOrganizationId);
  }

  @ResolveField(() => [Dataset], { description: `The catalogue, oldest first (at most ${LISTED_DATASETS}: a pool takes no more).` })
  @MaxItems(LISTED_DATASETS)
  datasets(pool: DataPoolEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).datasetsOfPool.load(pool.id);
  }

  @ResolveField(() => [DataPoolSignatory], { description: `Every organisation invited, the steward first, in the order invited (at most ${LISTED_SIGNATORIES}: a pool takes no more).` })
  @MaxItems(LISTED_SIGNATORIES)
  signatories(pool: DataPoolEntity, _args: unknown, ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).signatoriesOfPool.load(pool.id);
  }

  @ResolveField(() => DataAccessRequestConnection, { description: "Steward, chairs, admins and the requesting organisation's people; newest first." })
  accessRequests(@Parent() pool: DataPoolEntity, @Args() args: AccessRequestsArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).accessRequestsOfPool(pool.id, args.state ?? null, pageArgs(args));
  }

  @ResolveField(() => DataPoolEventConnection, { description: 'The append-only history: who did what, when, under which terms version; oldest first.' })
  history(@Parent() pool: DataPoolEntity, @Args() args: ConnectionArgs, @Context() ctx: GqlContext) {
    return ctx.loaders.of(createDataPoolLoaders).historyOfPool(pool.id, pageArgs(args));
  }
}
