import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DataPoolRole, SignatureState } from '../data-pools.enums';

@ObjectType({ description: 'An organisation invited to a pool, in a role, and what it signed.' })
export class DataPoolSignatory {
  @Field(() => DataPoolRole)
  role: DataPoolRole;

  @Field(() => SignatureState)
  state: SignatureState;

  @Field(() => Int, { nullable: true, description: 'The terms version this organisation signed' })
  termsVersion: number | null;

  @Field(() => String, { nullable: true, description: 'The digest of the terms it signed' })
  termsDigest: string | null;

  @Field(() => Date, { nullable: true })
  signedAt: Date | null;
}
