import { Module } from '@nestjs/common';

/** Data-protection rights (contract 07): a person's data export (GDPR Art. 15/20) and erasure (Art. 17). */
@Module({
  imports: [],
})
export class PrivacyModule {}
