import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '@app/core';
import { InviteToDataPoolArgs, SignDataPoolArgs, WithdrawFromDataPoolArgs } from '../dto/data-pool.input';
import { DataPool } from '../pools/data-pool.model';
import { SignaturesService } from './signatures.service';

@Resolver(() => DataPool)
export class SignaturesResolver {
  constructor(private readonly service: SignaturesService) {}

  @Mutation(() => DataPool, {
    description: 'The steward invites an organisation in a role (CONTRIBUTOR, HOST or USER). A new CONTRIBUTOR or HOST sends an ACTIVE pool back to OPEN_FOR_SIGNATURE.',
  })
  inviteToDataPool(@CurrentViewer() viewer: Viewer, @Args() args: InviteToDataPoolArgs) {
    return this.service.invite(viewer, args.poolId, args.organizationId, args.role);
  }

  @Mutation(() => DataPool, { description: 'A person of the organisation signs the terms version they read; CONFLICT when termsVersion is not current' })
  signDataPool(@CurrentViewer() viewer: Viewer, @Args() args: SignDataPoolArgs) {
    return this.service.sign(viewer, args.poolId, args.organizationId, args.termsVersion);
  }

  @Mutation(() => DataPool, { description: 'The organisation leaves the pool: its datasets leave the catalogue, its open and approved access requests are REVOKED. Not the steward.' })
  withdrawFromDataPool(@CurrentViewer() viewer: Viewer, @Args() args: WithdrawFromDataPoolArgs) {
    return this.service.withdraw(viewer, args.poolId, args.organizationId, args.note);
  }
}
