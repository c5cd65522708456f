import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@app/organizations';
import { AuthResolver } from './auth/auth.resolver';
import { OrganizationPeopleResolver, PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';

@Module({
  imports: [OrganizationsModule],
  providers: [PeopleService, PeopleResolver, OrganizationPeopleResolver, AuthResolver],
  exports: [PeopleService],
})
export class PeopleModule {}
