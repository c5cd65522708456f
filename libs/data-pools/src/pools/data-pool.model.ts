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
