import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Person } from '../person.model';

@ObjectType({ description: 'A signed-in session. Send `token` as `Authorization: Bearer <token>`.' })
export class Session {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => Person)
  person: Person;
}

@ObjectType({ description: 'A personal access token for scripts and other systems.' })
export class AccessToken {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;
}

@ObjectType()
export class CreatedAccessToken {
  @Field({ description: 'Shown once; only a hash is stored.' })
  secret: string;

  @Field(() => AccessToken)
  token: AccessToken;
}

@ObjectType({ description: 'One of your signed-in sessions (a browser you signed in with an emailed link).' })
export class ActiveSession {
  @Field(() => ID)
  id: string;

  @Field({ description: 'When the link was used.' })
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field({ description: 'The session this request is made with.' })
  current: boolean;
}
