import { Module } from '@nestjs/common';
import { MeetingPrepModule } from '@app/meeting-prep';
import { ErasureService } from './erasure.service';
import { PersonalDataService } from './personal-data.service';
import { PrivacyResolver } from './privacy.resolver';

/** Data-protection rights (contract 07): a person's data export (GDPR Art. 15/20) and erasure (Art. 17). */
@Module({
  imports: [MeetingPrepModule],
  providers: [PersonalDataService, ErasureService, PrivacyResolver],
  exports: [PersonalDataService, ErasureService],
})
export class PrivacyModule {}
