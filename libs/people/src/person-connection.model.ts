import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { Person } from './person.model';

@ObjectType()
export class PersonConnection extends Paginated(Person) {}
