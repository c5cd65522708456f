import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';
import { Organization } from './organization.model';

@ObjectType()
export class OrganizationConnection extends Paginated(Organization) {}
