import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '@app/core';
import { ChangeDataAccessRequestStateArgs, RequestDataAccessArgs } from '../dto/access-request.input';
import { DataAccessRequest } from './access-request.model';
import { AccessRequestsService } from './access-requests.service';

@Resolver(() => DataAccessRequest)
export class AccessRequestsResolver {
  constructor(private readonly service: AccessRequestsService) {}

  @Mutation(() => DataAccessRequest, { description: 'A signatory organisation asks to use an ACTIVE pool for a purpose the terms allow' })
  requestDataAccess(@CurrentViewer() viewer: Viewer, @Args() args: RequestDataAccessArgs) {
    return this.service.request(viewer, args.poolId, args.organizationId, args.purpose, args.justification);
  }

  @Mutation(() => DataAccessRequest, {
    description: 'Allowed moves: REQUESTED->APPROVED|REJECTED, APPROVED->REVOKED (steward); REJECTED and REVOKED need a note. expiresAt only with APPROVED.',
  })
  changeDataAccessRequestState(@CurrentViewer() viewer: Viewer, @Args() args: ChangeDataAccessRequestStateArgs) {
    return this.service.decide(viewer, args.id, args.state, args.note, args.expiresAt);
  }
}
