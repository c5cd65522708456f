import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Competition-law safeguards of a meeting of competitors' })
export class AntitrustCompliance {
  @Field({ description: "The statement read at the start; the alliance's default in the meeting's language unless replaced" })
  statement: string;

  @Field(() => Date, { nullable: true, description: 'Set when counsel approved the current agenda; any agenda change clears it' })
  agendaApprovedAt: Date | null;

  @Field(() => Int, { description: 'Invitees who have not acknowledged the statement yet (those who declined are not counted).' })
  pendingCount: number;

  @Field({ description: 'Whether the viewer acknowledged the statement' })
  viewerAcknowledged: boolean;
}
