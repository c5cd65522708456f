import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/core';
import { ExportFormat, ExportsService, RenderedExport } from '@app/meeting-prep';
import { asViewer, recipientPeople } from '../../recipients/recipient-viewer';
import { EmailExtras, EmailSender, PendingEmail } from '../email-sender.service';

/** Meeting emails that carry the calendar event (RFC 6047 iMIP). */
export const CALENDAR_TYPES = ['meeting.scheduled', 'meeting.changed', 'meeting.cancelled'] as const;
export const BRIEF_TYPE = 'meeting.brief_ready';

/**
 * Attaches meeting-prep files to meeting emails, rendered when the email is sent with the meeting-prep
 * renderers and the recipient as the viewer (gatherBrief), so a file holds only what its recipient
 * may read:
 * - invitations, changes and cancellations: the ICS — METHOD:REQUEST with the meeting's SEQUENCE, or
 *   METHOD:CANCEL with STATUS:CANCELLED once cancelled; always the meeting's current state, so a late
 *   email never rolls a calendar back — as a file and as the text/calendar alternative;
 * - "brief ready": the PDF brief.
 * A meeting the recipient can no longer read (or that is gone) sends the email without a file.
 */
@Injectable()
export class MeetingAttachments implements OnModuleInit {
  private readonly logger = new Logger(MeetingAttachments.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: EmailSender,
    private readonly exports: ExportsService,
  ) {}

  onModuleInit(): void {
    for (const type of CALENDAR_TYPES) this.sender.registerExtras(type, (email) => this.calendar(email));
    this.sender.registerExtras(BRIEF_TYPE, (email) => this.brief(email));
  }

  async calendar(email: PendingEmail): Promise<EmailExtras> {
    const file = await this.render(email, ExportFormat.ICS);
    if (!file) return {};
    const method = /method=([A-Z]+)/i.exec(file.contentType)?.[1]?.toUpperCase() ?? 'REQUEST';
    return {
      attachments: [{ filename: file.filename, content: file.content, contentType: file.contentType }],
      icalEvent: { method, content: file.content.toString('utf8'), filename: file.filename },
    };
  }

  async brief(email: PendingEmail): Promise<EmailExtras> {
    const file = await this.render(email, ExportFormat.PDF);
    if (!file) return {};
    return { attachments: [{ filename: file.filename, content: file.content, contentType: file.contentType }] };
  }

  private async render(email: PendingEmail, format: ExportFormat): Promise<RenderedExport | null> {
    const meetingId = email.data.meetingId;
    const [person] = await recipientPeople(this.dataSource, [email.personId]);
    if (typeof meetingId !== 'string' || !person) return null;
    try {
      return await this.exports.render(asViewer(person), meetingId, format);
    } catch (error) {
      // Not readable (any more) or gone: a domain answer, not a failure to retry.
      if (error instanceof DomainError) {
        this.logger.warn(`No ${format} for notification ${email.id}: ${error.message}`);
        return null;
      }
      throw error;
    }
  }
}
