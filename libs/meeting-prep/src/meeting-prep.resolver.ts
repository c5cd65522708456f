import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '@app/core';
import { MeetingViewerCan } from '@app/meetings';
import { ExportMeetingBriefArgs } from './dto/export-meeting-brief.args';
import { ExportFile } from './export-file.model';
import { ExportsService } from './exports.service';

@Resolver(() => ExportFile)
export class MeetingPrepResolver {
  constructor(private readonly exports: ExportsService) {}

  @Mutation(() => ExportFile, {
    description:
      'The meeting-prep pack. PDF, DOCX and MARKDOWN: the full brief; ICS: the calendar event;\n' +
      'CSV and XLSX: the attendee list and the proposals on the agenda.\n' +
      'Holds only what the viewer may read; NOT_FOUND when the viewer may not read the meeting.',
  })
  exportMeetingBrief(@CurrentViewer() viewer: Viewer, @Args() { meetingId, format }: ExportMeetingBriefArgs): Promise<ExportFile> {
    return this.exports.export(viewer, meetingId, format);
  }
}

/** `Meeting.viewerCan.downloadBrief`: the brief holds only what its reader may read, so every reader of the meeting exports it. */
@Resolver(() => MeetingViewerCan)
export class MeetingViewerCanBriefResolver {
  @ResolveField(() => Boolean, { description: 'exportMeetingBrief: everyone who reads the meeting (the brief leaves out what they may not read).' })
  downloadBrief(): boolean {
    return true;
  }
}
