import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MaxItems, Paginated } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { DataPoolState, UsagePurpose } from '../data-pools.enums';

/** ISO 3166-1 has 249 officially assigned alpha-2 codes; terms list each at most once. */
export const MAX_ALLOWED_LOCATIONS = 249;
export const LISTED_PURPOSES = Object.keys(UsagePurpose).length;

@ObjectType({ description: 'What the signatories may do with the pooled data. Its canonical JSON (sorted keys) is what `termsDigest` hashes.' })
export class UsageTerms {
  @Field(() => [UsagePurpose], { description: `Each at most once, sorted (at most ${LISTED_PURPOSES}).` })
  @MaxItems(LISTED_PURPOSES)
  purposes: UsagePurpose[];

  @Field()
  commercialUse: boolean;

  @Field({ description: 'May models trained on the pool be shared outside the signatories?' })
  derivedModelsShareable: boolean;

  @Field()
  onwardTransfer: boolean;

  @Field(() => [String], {
    description: `ISO 3166-1 alpha-2 codes where the data may be processed; empty means any EU/EEA country (each at most once, sorted; at most ${MAX_ALLOWED_LOCATIONS}).`,
  })
  @MaxItems(MAX_ALLOWED_LOCATIONS)
  allowedLocations: string[];

  @Field(() => Int, { nullable: true, description: 'Days after which users delete their copies; null means until the pool closes' })
  retentionDays: number | null;

  @Field()
  attributionRequired: boolean;

  @Field()
  personalDataAllowed: boolean;
}

/** The pool's own fields; its group, proposal, steward, datasets, signatories and requests are resolved fields. */
@ObjectType({ description: 'Driving data pooled by competitors and AI factories under terms every party signed. The platform keeps the agreement, never the data.' })
export class DataPool {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  purpose: string;

  @Field(() => DataPoolState)
  state: DataPoolState;

  @Field(() => Confidentiality, {
    description: "Who may see the pool exists: WORKING_GROUP or PARTIES (then only its signatories, the group's chairs and admins)",
  })
  confidentiality: Confidentiality;

  @Field(() => UsageTerms)
  terms: UsageTerms;

  @Field(() => Int, { description: 'Starts at 1; every change of the terms adds one and sets every signature back to PENDING' })
  termsVersion: number;

  @Field({ description: 'SHA-256 of the canonical JSON of the terms: what a signature binds to' })
  termsDigest: string;

  @Field(() => Date, { nullable: true })
  validFrom: Date | null;

  @Field(() => Date, { nullable: true, description: 'The platform marks the pool EXPIRED from then on.' })
  validUntil: Date | null;

  @Field(() => Int, { description: 'Incremented on every change of the pool itself (terms, validity, state); pass it as expectedVersion.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class DataPoolConnection extends Paginated(DataPool) {}

@ObjectType({
  description:
    "What the viewer may do with a pool now, for their own organisation where an organisation acts, by the rules the " +
    "mutations apply (the steward, the viewer's seat in the group, their organisation's invitation and signature, the " +
    "pool's state). True means the mutation would not be refused for who the viewer is or the state the pool is in; it " +
    'may still refuse the input (a stale version, a purpose the terms do not allow).',
})
export class DataPoolViewerCan {
  @Field({ description: "updateDataPoolTerms: the steward's people and admins, until the pool has ended." })
  editTerms: boolean;

  @Field({ description: "inviteToDataPool: the steward's people and admins, until the pool has ended." })
  invite: boolean;

  @Field({ description: "changeDataPoolState to OPEN_FOR_SIGNATURE: the steward's people, the group's chairs, co-chairs, secretaries and admins, a DRAFT." })
  openForSignature: boolean;

  @Field({ description: 'changeDataPoolState to ACTIVE: the same people, once every steward, contributor and host signed the current terms.' })
  activate: boolean;

  @Field({ description: 'changeDataPoolState to SUSPENDED: the same people, an ACTIVE pool.' })
  suspend: boolean;

  @Field({ description: 'changeDataPoolState to CLOSED: the same people, any pool not yet CLOSED.' })
  close: boolean;

  @Field({ description: "signDataPool for the viewer's organisation: invited and not withdrawn, once open for signature, until the pool has ended." })
  sign: boolean;

  @Field({ description: "withdrawFromDataPool for the viewer's organisation: invited, not the steward, not withdrawn, until the pool has ended." })
  withdraw: boolean;

  @Field({ description: "addDataset for the viewer's organisation: a CONTRIBUTOR (or the STEWARD) that signed the current terms, until the pool has ended." })
  addDataset: boolean;

  @Field({ description: "requestDataAccess for the viewer's organisation: it signed the current terms of an ACTIVE pool." })
  requestAccess: boolean;

  @Field({ description: "changeDataAccessRequestState: the steward's people and admins." })
  decideAccessRequests: boolean;
}
