import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { compileSql, ConflictError, DomainEvents, ForbiddenError, InvalidInputError, querySql, sql, Viewer, writeReturning } from '@app/core';
import { isChangeable, MeetingEntity, MeetingsService } from '@app/meetings';
import { agendaDigestOf } from './agenda-digest';
import { agendaApprovable, approvesAgendas } from './antitrust-permissions';
import { effectiveStatement, MAX_STATEMENT_LENGTH, statementLanguage } from './antitrust-statements';

/**
 * Competition-law safeguards of a meeting: its statement, counsel's approval of its agenda and each
 * invitee's acknowledgement. Every change locks the meeting's row first (as the agenda does), so an approval
 * and an agenda change, or a new statement and an acknowledgement, never interleave.
 */
@Injectable()
export class AntitrustService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Counsel (platform role COUNSEL) or an admin approves the agenda as it stands. Approving an agenda
   * already approved changes nothing (the first approval stands); an empty agenda has nothing to approve.
   */
  approveAgenda(viewer: Viewer, meetingId: string): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockReadable(em, viewer, meetingId);
      if (!approvesAgendas(viewer)) {
        throw new ForbiddenError('Only legal counsel and admins approve meeting agendas', 'NOT_COUNSEL');
      }
      assertNotCancelled(meeting);
      const [agenda] = await querySql<{ items: number }>(em, sql`SELECT count(*)::int AS items FROM agenda_items WHERE meeting_id = ${meeting.id}::uuid`);
      if (!agendaApprovable(meeting, agenda.items)) throw new ConflictError('AGENDA_EMPTY', 'The meeting has no agenda to approve yet');
      const approved = await querySql(
        em,
        sql`INSERT INTO meeting_antitrust AS t (meeting_id, approved_at, approved_by_id, approved_agenda_digest)
            VALUES (${meeting.id}::uuid, now(), ${viewer.id}::uuid, ${agendaDigestOf(meeting.id)})
            ON CONFLICT (meeting_id) DO UPDATE
              SET approved_at = now(), approved_by_id = EXCLUDED.approved_by_id,
                  approved_agenda_digest = EXCLUDED.approved_agenda_digest, updated_at = now()
              WHERE t.approved_at IS NULL
            RETURNING t.meeting_id`,
      );
      if (approved.length > 0) {
        await this.events.publish(em, { type: 'meeting.agenda_approved', meetingId: meeting.id, actorId: viewer.id, workingGroupId: meeting.workingGroupId });
      }
      return meeting;
    });
  }

  /**
   * The meeting's organisers replace its statement, or restore the default with null. A statement that
   * reads differently from the one before withdraws the acknowledgements given so far: they were given for
   * another text (decision 144).
   */
  setStatement(viewer: Viewer, meetingId: string, statement: string | null): Promise<MeetingEntity> {
    const own = statement === null ? null : statement.trim();
    if (own === '') throw new InvalidInputError('statement', 'statement must not be empty; null restores the default', 'STATEMENT_EMPTY');
    if (own !== null && own.length > MAX_STATEMENT_LENGTH) {
      throw new InvalidInputError('statement', `statement must be at most ${MAX_STATEMENT_LENGTH} characters`, 'STATEMENT_TOO_LONG');
    }
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForChange(em, viewer, meetingId);
      const before = await this.statementOf(em, meeting.id);
      if (before.own === own) return meeting;
      await querySql(
        em,
        sql`INSERT INTO meeting_antitrust AS t (meeting_id, statement) VALUES (${meeting.id}::uuid, ${own})
            ON CONFLICT (meeting_id) DO UPDATE SET statement = EXCLUDED.statement, updated_at = now()`,
      );
      const reads = (text: string | null) => effectiveStatement(text, before.language);
      const withdraw = compileSql(sql`DELETE FROM antitrust_acknowledgements WHERE meeting_id = ${meeting.id}::uuid RETURNING person_id`);
      const withdrawn = reads(before.own) === reads(own) ? 0 : (await writeReturning(em, withdraw.text, withdraw.values)).length;
      await this.events.publish(em, {
        type: 'meeting.antitrust_statement_set',
        meetingId: meeting.id,
        actorId: viewer.id,
        workingGroupId: meeting.workingGroupId,
        restoredDefault: own === null,
        acknowledgementsWithdrawn: withdrawn,
      });
      return meeting;
    });
  }

  /** An invitee confirms having read the statement; again changes nothing. */
  acknowledge(viewer: Viewer, meetingId: string): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      // FOR SHARE: several invitees acknowledge at once, but never while the statement is being replaced.
      const meeting = await this.meetings.lockReadable(em, viewer, meetingId, 'FOR SHARE');
      const [invited] = await querySql(
        em,
        sql`SELECT 1 FROM meeting_invitations WHERE meeting_id = ${meeting.id}::uuid AND person_id = ${viewer.id}::uuid`,
      );
      if (!invited) throw new ForbiddenError("Only the meeting's invitees acknowledge its antitrust statement", 'NOT_INVITED');
      assertNotCancelled(meeting);
      const added = await querySql(
        em,
        sql`INSERT INTO antitrust_acknowledgements (meeting_id, person_id) VALUES (${meeting.id}::uuid, ${viewer.id}::uuid)
            ON CONFLICT DO NOTHING RETURNING person_id`,
      );
      if (added.length > 0) {
        await this.events.publish(em, {
          type: 'meeting.antitrust_acknowledged',
          meetingId: meeting.id,
          actorId: viewer.id,
          organizationId: viewer.organizationId,
          workingGroupId: meeting.workingGroupId,
        });
      }
      return meeting;
    });
  }

  /** The meeting's own statement (null: the default) and its language (its organiser's). */
  private async statementOf(em: EntityManager, meetingId: string) {
    const [row] = await querySql<{ own: string | null; locale: string }>(
      em,
      sql`SELECT t.statement AS own, o.locale FROM meetings m JOIN people o ON o.id = m.created_by_id
          LEFT JOIN meeting_antitrust t ON t.meeting_id = m.id WHERE m.id = ${meetingId}::uuid`,
    );
    return { own: row.own, language: statementLanguage(row.locale) };
  }
}

function assertNotCancelled(meeting: MeetingEntity): void {
  if (!isChangeable(meeting)) {
    throw new ConflictError('MEETING_CANCELLED', 'This meeting is cancelled and can no longer change');
  }
}
