import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InvalidInputError, Viewer, newId } from '@app/core';
import { canReadProposalSql } from '@app/proposals';
import { AgendaItemInput } from '../dto/agenda.input';
import { MeetingEvents } from '../meeting-events';
import { MeetingEntity } from '../meeting.entity';
import { MeetingsService } from '../meetings.service';
import { AgendaItemEntity } from './agenda-item.entity';

type Reference = 'presenterId' | 'proposalId' | 'priorityId';

/** A meeting's agenda: replaced as a whole, in order, by the meeting's organisers. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEvents,
  ) {}

  /**
   * Replaces the agenda with `items` at positions 1..n, in one transaction (the meeting's row is
   * locked, so two editors cannot interleave). An agenda longer than the meeting is allowed: the
   * brief warns about it (`Meeting.agendaOverrunMinutes`).
   */
  setAgenda(viewer: Viewer, meetingId: string, items: AgendaItemInput[]): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForChange(em, viewer, meetingId);
      const groupId = meeting.workingGroupId;
      await this.assertFound(items, 'presenterId', 'PRESENTER_NOT_FOUND', 'presenterId must be an existing person', (ids) =>
        em.query(`SELECT id FROM people WHERE id = ANY($1)`, [ids]),
      );
      await this.assertFound(
        items,
        'proposalId',
        'PROPOSAL_NOT_ALLOWED',
        groupId ? "proposalId must be a proposal of the meeting's working group that you may read" : 'proposalId must be a proposal you may read',
        (ids) => {
          const params: unknown[] = [ids, groupId];
          return em.query(
            `SELECT p.id FROM cooperation_proposals p
             WHERE p.id = ANY($1) AND ($2::uuid IS NULL OR p.working_group_id = $2) AND ${canReadProposalSql(viewer, 'p', params)}`,
            params,
          );
        },
      );
      await this.assertFound(
        items,
        'priorityId',
        'PRIORITY_NOT_ALLOWED',
        "priorityId must be a priority of the meeting's working group or an alliance-wide one",
        (ids) =>
          em.query(`SELECT id FROM priorities WHERE id = ANY($1) AND ($2::uuid IS NULL OR working_group_id IS NULL OR working_group_id = $2)`, [
            ids,
            groupId,
          ]),
      );
      await this.replace(em, meeting.id, items);
      await em.query(`UPDATE meetings SET updated_at = now() WHERE id = $1`, [meeting.id]);
      await this.events.publish(em, { type: 'AGENDA_SET', meetingId: meeting.id, actorId: viewer.id, itemCount: items.length });
      return meeting;
    });
  }

  private async replace(em: EntityManager, meetingId: string, items: AgendaItemInput[]): Promise<void> {
    await em.query(`DELETE FROM agenda_items WHERE meeting_id = $1`, [meetingId]);
    if (items.length === 0) return;
    await em.getRepository(AgendaItemEntity).insert(
      items.map(
        (item, index): AgendaItemEntity => ({
          id: newId(),
          meetingId,
          position: index + 1,
          title: item.title,
          description: item.description?.trim() ? item.description : null,
          durationMinutes: item.durationMinutes,
          presenterId: item.presenterId ?? null,
          proposalId: item.proposalId ?? null,
          priorityId: item.priorityId ?? null,
        }),
      ),
    );
  }

  /** Every id the items give for `field` is among those `find` returns; else BAD_USER_INPUT on the first item that names another. */
  private async assertFound(
    items: AgendaItemInput[],
    field: Reference,
    reason: string,
    message: string,
    find: (ids: string[]) => Promise<{ id: string }[]>,
  ): Promise<void> {
    const ids = [...new Set(items.map((item) => item[field]?.toLowerCase()).filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    const found = new Set((await find(ids)).map((row) => row.id.toLowerCase()));
    const index = items.findIndex((item) => item[field] && !found.has(item[field].toLowerCase()));
    if (index >= 0) throw new InvalidInputError(`items.${index}.${field}`, message, reason);
  }
}
