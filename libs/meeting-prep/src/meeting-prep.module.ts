import { Module } from '@nestjs/common';
import { ContextsController } from './data-pool-exports/contexts.controller';
import { DataPoolExportsResolver } from './data-pool-exports/data-pool-exports.resolver';
import { DataPoolExportsService } from './data-pool-exports/data-pool-exports.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { MeetingPrepResolver, MeetingViewerCanBriefResolver } from './meeting-prep.resolver';
import { RenderPool } from './renderers/render-pool';

/**
 * The exports: the meeting-prep pack (`exportMeetingBrief`), a data pool's DCAT-AP, ODRL and agreement
 * (`exportDataPool`), the signed download route `GET /exports/:id` and the shipped JSON-LD context.
 */
@Module({
  providers: [ExportsService, MeetingPrepResolver, MeetingViewerCanBriefResolver, RenderPool, DataPoolExportsService, DataPoolExportsResolver],
  controllers: [ExportsController, ContextsController],
  exports: [ExportsService, DataPoolExportsService],
})
export class MeetingPrepModule {}
