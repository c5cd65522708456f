import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { MeetingPrepResolver } from './meeting-prep.resolver';
import { RenderPool } from './renderers/render-pool';

/** The meeting-prep pack: `exportMeetingBrief` and the signed download route `GET /exports/:id`. */
@Module({
  providers: [ExportsService, MeetingPrepResolver, RenderPool],
  controllers: [ExportsController],
  exports: [ExportsService],
})
export class MeetingPrepModule {}
