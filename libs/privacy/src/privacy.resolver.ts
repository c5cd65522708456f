import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '@app/core';
import { ExportFile } from '@app/meeting-prep';
import { ErasePersonArgs } from './dto/erase-person.args';
import { ExportMyDataArgs, ExportPersonDataArgs } from './dto/export-person-data.args';
import { ErasureService } from './erasure.service';
import { PersonalDataService } from './personal-data.service';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly erasure: ErasureService,
  ) {}

  @Mutation(() => ExportFile, { description: 'Everything the platform holds about the viewer (GDPR Art. 15/20), as a signed download' })
  exportMyData(@CurrentViewer() viewer: Viewer, @Args() _args: ExportMyDataArgs): Promise<ExportFile> {
    return this.personalData.export(viewer, viewer.id);
  }

  @Mutation(() => ExportFile, { description: 'Admins: the same for another person' })
  exportPersonData(@CurrentViewer() viewer: Viewer, @Args() { personId }: ExportPersonDataArgs): Promise<ExportFile> {
    return this.personalData.export(viewer, personId);
  }

  @Mutation(() => Boolean, { description: 'Admins: erase a person (GDPR Art. 17). Irreversible; see DESIGN.md for what is kept.' })
  erasePerson(@CurrentViewer() viewer: Viewer, @Args() { personId, reason }: ErasePersonArgs): Promise<boolean> {
    return this.erasure.erase(viewer, personId, reason);
  }
}
