import { registerEnumType } from '@nestjs/graphql';

export enum PriorityStatus {
  PROPOSED = 'PROPOSED',
  ADOPTED = 'ADOPTED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(PriorityStatus, { name: 'PriorityStatus' });
