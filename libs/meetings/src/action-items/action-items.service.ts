import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenError, InvalidInputError, isId, NotFoundError, selectColumns, Viewer, writeReturning, newId } from '@app/core';
import { ActionItemInput } from '../dto/action-item.input';
import { MeetingEvents } from '../meeting-events';
import { ActionItemStatus } from '../meeting.enums';
import { setsActionItemStatus } from '../meeting-permissions';
import { canReadMeetingSql, MeetingPolicy } from '../meeting.policy';
import { MeetingsService } from '../meetings.service';
import { ActionItemEntity } from './action-item.entity';

/** The bound of `myActionItems` (`@MaxItems`): the first items by due date, the ones to act on. */
export const MY_ACTION_ITEMS = 200;

/** Action items agreed in meetings, and each person's list of them. */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly policy: MeetingPolicy,
    private readonly events: MeetingEvents,
  ) {}

  /** By the meeting's organisers; the owner (optional) may be any person. */
  add(viewer: Viewer, meetingId: string, input: ActionItemInput): Promise<ActionItemEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForChange(em, viewer, meetingId);
      const ownerId = input.ownerId ?? null;
      if (ownerId) {
        const [owner] = await em.query(`SELECT 1 FROM people WHERE id = $1`, [ownerId]);
        if (!owner) throw new InvalidInputError('ownerId', 'ownerId must be an existing person', 'OWNER_NOT_FOUND');
      }
      const item: ActionItemEntity = {
        id: newId(),
        meetingId: meeting.id,
        title: input.title,
        ownerId,
        dueDate: input.dueDate ?? null,
        status: ActionItemStatus.OPEN,
        createdById: viewer.id,
        createdAt: new Date(),
        doneAt: null,
      };
      await em.getRepository(ActionItemEntity).insert(item);
      await this.events.publish(em, { type: 'ACTION_ITEM_ADDED', meetingId: meeting.id, actionItemId: item.id, actorId: viewer.id, ownerId });
      return item;
    });
  }

  /**
   * The item's owner, or the organisers of its meeting. An item of a meeting the viewer may not read
   * is NOT_FOUND. Works on items of cancelled meetings too.
   */
  setStatus(viewer: Viewer, id: string, status: ActionItemStatus): Promise<ActionItemEntity> {
    return this.dataSource.transaction(async (em) => {
      if (!isId(id)) throw new NotFoundError('action item');
      const params: unknown[] = [id];
      const [found]: (ActionItemEntity & { workingGroupId: string | null })[] = await em.query(
        `SELECT ${this.columns()}, m.working_group_id AS "workingGroupId"
         FROM action_items ai JOIN meetings m ON m.id = ai.meeting_id
         WHERE ai.id = $1 AND ${canReadMeetingSql(viewer, 'm', params)} FOR UPDATE OF ai`,
        params,
      );
      if (!found) throw new NotFoundError('action item');
      const role = found.ownerId === viewer.id ? null : await this.policy.roleIn(viewer, found.workingGroupId, em);
      if (!setsActionItemStatus(viewer, found, found.workingGroupId, role)) {
        throw new ForbiddenError("Only the item's owner and the meeting's organisers change its status", 'NOT_OWNER_OR_ORGANISER');
      }
      const [updated] = await writeReturning<ActionItemEntity>(
        em,
        `UPDATE action_items ai SET status = $2,
                done_at = CASE WHEN $2 = 'DONE' THEN (CASE WHEN ai.status = 'DONE' THEN ai.done_at ELSE now() END) ELSE NULL END
         WHERE ai.id = $1 RETURNING ${this.columns()}`,
        [found.id, status],
      );
      await this.events.publish(em, { type: 'ACTION_ITEM_STATUS_CHANGED', meetingId: found.meetingId, actionItemId: found.id, actorId: viewer.id, status });
      return updated;
    });
  }

  /** The viewer's items across meetings: by due date (none last), then creation; the first `MY_ACTION_ITEMS`. */
  mine(viewer: Viewer, status: ActionItemStatus | null): Promise<ActionItemEntity[]> {
    return this.dataSource.query(
      `SELECT ${this.columns()} FROM action_items ai WHERE ai.owner_id = $1 AND ($2::text IS NULL OR ai.status = $2)
       ORDER BY ai.due_date ASC NULLS LAST, ai.created_at, ai.id LIMIT $3`,
      [viewer.id, status, MY_ACTION_ITEMS],
    );
  }

  private columns(): string {
    return selectColumns(this.dataSource, ActionItemEntity, 'ai');
  }
}
