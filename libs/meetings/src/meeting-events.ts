import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '@app/core';
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
 * Typed publishing for the meetings lib on top of the platform's DomainEvents: every meetings
 * mutation publishes here inside its transaction; consumers (notifications, live updates) subscribe
 * to DomainEvents and never get imported by this lib. `subscribe` narrows to meeting events.
 */
@Injectable()
export class MeetingEvents {
  constructor(private readonly events: DomainEvents) {}

  /** Returns a function that unsubscribes. */
  subscribe(handler: MeetingEventHandler): () => void {
    return this.events.onEvent(
      (event, em) => handler(event as unknown as MeetingEvent, em),
      (type) => MEETING_EVENT_TYPES.has(type),
    );
  }

  async publish(em: EntityManager, event: MeetingEvent): Promise<void> {
    const actorId = 'actorId' in event ? event.actorId : event.personId;
    await this.events.publish(em, { ...event, actorId });
  }
}

const MEETING_EVENT_TYPES = new Set<string>([
  'MEETING_SCHEDULED',
  'MEETING_UPDATED',
  'MEETING_CANCELLED',
  'AGENDA_SET',
  'PEOPLE_INVITED',
  'INVITATION_ANSWERED',
  'ATTENDANCE_RECORDED',
  'MINUTES_RECORDED',
  'ACTION_ITEM_ADDED',
  'ACTION_ITEM_STATUS_CHANGED',
] satisfies MeetingEvent['type'][]);
