import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { compileSql, DomainEvents, sql, writeReturning } from '@app/core';
import { MeetingEvent, MeetingEvents } from '@app/meetings';
import { agendaDigestOf } from './agenda-digest';

/**
 * Any change to an agenda clears counsel's approval of it. Every agenda mutation (adding, editing, removing
 * and reordering items all go through `setAgenda`) publishes AGENDA_SET inside its transaction with the
 * meeting's row locked; this runs in that transaction, so an agenda cannot change and keep its approval,
 * whatever path changed it. It clears only when the agenda now differs from the one approved (its digest),
 * and then tells counsel (`meeting.agenda_approval_cleared`).
 */
@Injectable()
export class AgendaApprovalListener implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly meetingEvents: MeetingEvents,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.meetingEvents.subscribe((event, em) => (event.type === 'AGENDA_SET' ? this.agendaChanged(event, em) : Promise.resolve()));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async agendaChanged(event: Extract<MeetingEvent, { type: 'AGENDA_SET' }>, em: EntityManager): Promise<void> {
    const { text, values } = compileSql(
      sql`WITH approval AS (
            SELECT t.meeting_id, t.approved_by_id FROM meeting_antitrust t
            WHERE t.meeting_id = ${event.meetingId}::uuid AND t.approved_at IS NOT NULL
              AND t.approved_agenda_digest IS DISTINCT FROM ${agendaDigestOf(event.meetingId)}
            FOR UPDATE)
          UPDATE meeting_antitrust t SET approved_at = NULL, approved_by_id = NULL, approved_agenda_digest = NULL, updated_at = now()
          FROM approval JOIN meetings m ON m.id = approval.meeting_id
          WHERE t.meeting_id = approval.meeting_id
          RETURNING approval.approved_by_id AS "approvedById", m.working_group_id AS "workingGroupId"`,
    );
    const [cleared] = await writeReturning<{ approvedById: string; workingGroupId: string | null }>(em, text, values);
    if (!cleared) return;
    await this.events.publish(em, {
      type: 'meeting.agenda_approval_cleared',
      meetingId: event.meetingId,
      actorId: event.actorId,
      workingGroupId: cleared.workingGroupId,
      previousApproverId: cleared.approvedById,
    });
  }
}
