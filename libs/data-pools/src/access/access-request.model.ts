import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { AccessRequestState, UsagePurpose } from '../data-pools.enums';

@ObjectType({ description: "A signatory organisation's request to use a pool's data for a purpose, and the steward's decision." })
export class DataAccessRequest {
  @Field(() => ID)
  id: string;

  @Field(() => UsagePurpose)
  purpose: UsagePurpose;

  @Field()
  justification: string;

  @Field(() => AccessRequestState)
  state: AccessRequestState;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected or revoked (required then), or a remark on the approval.' })
  note: string | null;

  @Field(() => Date, { nullable: true, description: 'An approval ends then: the platform marks it EXPIRED.' })
  expiresAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class DataAccessRequestConnection extends Paginated(DataAccessRequest) {}
