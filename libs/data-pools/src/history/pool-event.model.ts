import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';

@ObjectType({ description: "An entry of a pool's append-only history: who did what, when, under which terms version." })
export class DataPoolEvent {
  @Field(() => ID)
  id: string;

  @Field({
    description:
      'CREATED, TERMS_CHANGED, INVITED, SIGNED, WITHDRAWN, STATE_CHANGED, DATASET_ADDED, DATASET_REMOVED, ACCESS_REQUESTED, ACCESS_DECIDED, ACCESS_EXPIRED',
  })
  type: string;

  @Field(() => Int, { description: 'The terms version current when it happened (the new one for TERMS_CHANGED).' })
  termsVersion: number;

  @Field(() => String, { nullable: true, description: 'The state before: of the pool, or of the access request.' })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  toState: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  at: Date;
}

@ObjectType()
export class DataPoolEventConnection extends Paginated(DataPoolEvent) {}
