import { Module } from '@nestjs/common';
import { MeetingsModule } from '@app/meetings';
import { AgendaApprovalListener } from './agenda-approval.listener';
import { AntitrustComplianceResolver, MeetingAntitrustResolver, MeetingViewerCanAntitrustResolver } from './antitrust.resolver';
import { AntitrustService } from './antitrust.service';

/** Competition-law safeguards of meetings: the statement, counsel's approval of the agenda, acknowledgements. */
@Module({
  imports: [MeetingsModule],
  providers: [AntitrustService, AgendaApprovalListener, MeetingAntitrustResolver, MeetingViewerCanAntitrustResolver, AntitrustComplianceResolver],
  exports: [AntitrustService],
})
export class AntitrustModule {}
