import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionItemStatus, RsvpStatus } from './meeting.enums';
import { CalendarField } from './meeting-rules';

/**
 * What happened to a meeting, for whoever must be told later (notifications, calendar updates). Each
 * carries the ids a consumer needs to decide recipients; consumers load the rest.
 */
export type MeetingEvent =
  | { type: 'MEETING_SCHEDULED'; meetingId: string; actorId: string; invitedPersonIds: string[] }
  | {
      type: 'MEETING_UPDATED';
      meetingId: string;
      actorId: string;
      changed: CalendarField[];
      /** Time or place changed: invitees get an updated ICS (same UID, this SEQUENCE). */
      timeOrPlaceChanged: boolean;
      sequence: number;
    }
  | { type: 'MEETING_CANCELLED'; meetingId: string; actorId: string; reason: string | null; sequence: number }
  | { type: 'AGENDA_SET'; meetingId: string; actorId: string; itemCount: number }
  | { type: 'PEOPLE_INVITED'; meetingId: string; actorId: string; personIds: string[] }
  | { type: 'INVITATION_ANSWERED'; meetingId: string; personId: string; status: RsvpStatus }
  | { type: 'ATTENDANCE_RECORDED'; meetingId: string; actorId: string; attendedPersonIds: string[] }
  | { type: 'MINUTES_RECORDED'; meetingId: string; actorId: string }
  | { type: 'ACTION_ITEM_ADDED'; meetingId: string; actionItemId: string; actorId: string; ownerId: string | null }
  | { type: 'ACTION_ITEM_STATUS_CHANGED'; meetingId: string; actionItemId: string; actorId: string; status: ActionItemStatus };

/** Runs inside the change's transaction, with its EntityManager: what it writes commits or rolls back with the change. */
export type MeetingEventHandler = (event: MeetingEvent, em: EntityManager) => Promise<void>;

/**
 * The seam for later notifications: every meetings mutation publishes its event here, inside its
 * transaction. A consumer (e.g. a notifications lib recording an outbox row or a pg-boss job on `em`)
 * subscribes at start-up; the meetings lib never imports it. No subscriber: nothing happens.
 */
@Injectable()
export class MeetingEvents {
  private readonly handlers: MeetingEventHandler[] = [];

  /** Returns a function that unsubscribes. */
  subscribe(handler: MeetingEventHandler): () => void {
    this.handlers.push(handler);
    return () => {
      const at = this.handlers.indexOf(handler);
      if (at >= 0) this.handlers.splice(at, 1);
    };
  }

  async publish(em: EntityManager, event: MeetingEvent): Promise<void> {
    for (const handler of this.handlers) await handler(event, em);
  }
}
