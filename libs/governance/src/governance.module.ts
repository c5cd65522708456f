import { Module } from '@nestjs/common';
import { AntitrustModule } from './antitrust/antitrust.module';
import { AuditModule } from './audit/audit.module';
import { BallotsModule } from './ballots/ballots.module';

/**
 * Governance (contract 07): ballots, competition-law safeguards of meetings and the audit log. Each part
 * is its own module under this one; the API and the worker import only this.
 */
@Module({
  imports: [AntitrustModule, AuditModule, BallotsModule],
  exports: [AntitrustModule],
})
export class GovernanceModule {}
