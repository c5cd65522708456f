import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationKind } from './organization-kind.enum';

@ObjectType({ description: 'A member organisation: car maker, supplier, HPC centre, AI factory, institute…' })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  shortName: string | null;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. DE' })
  country: string;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field()
  createdAt: Date;
}
