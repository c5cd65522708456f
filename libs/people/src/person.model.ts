import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Locale, PlatformRole } from './person.enums';

@ObjectType({ description: "A representative of a member organisation." })
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  // `email` is a resolved field (see PeopleResolver): it is shown only to those allowed to see it.

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => Locale)
  locale: Locale;

  @Field({ description: 'IANA time zone, e.g. Europe/Berlin' })
  timezone: string;

  @Field(() => PlatformRole)
  role: PlatformRole;
}
