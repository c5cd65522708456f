import { registerEnumType } from '@nestjs/graphql';

export enum MeetingFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  HYBRID = 'HYBRID',
}

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
  HELD = 'HELD',
}

export enum RsvpStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  TENTATIVE = 'TENTATIVE',
  DECLINED = 'DECLINED',
}

export enum ActionItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}

registerEnumType(MeetingFormat, { name: 'MeetingFormat' });
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(RsvpStatus, { name: 'RsvpStatus' });
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });
