import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@app/core';

@ObjectType({ description: 'An entry of the append-only audit log: one change on the platform.' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field()
  action: string;

  @Field()
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => String, { nullable: true, description: 'What changed, as JSON; no personal data of an erased person' })
  details: string | null;
}

@ObjectType()
export class AuditEntryConnection extends Paginated(AuditEntry) {}
