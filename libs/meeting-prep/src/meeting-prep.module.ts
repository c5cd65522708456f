import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { MeetingPrepResolver } from './meeting-prep.resolver';

/** The meeting-prep pack: `exportMeetingBrief` and the signed download route `GET /exports/:id`. */
@Module({
  providers: [ExportsService, MeetingPrepResolver],
  controllers: [ExportsController],
  exports: [ExportsService],
})
export class MeetingPrepModule {}
