import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MaxItems, Paginated } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { LISTED_CERTIFICATIONS } from '../capabilities/capability.model';
import { Certification, DataSensitivity, NeedStatus, ResourceKind, ResourceUnit } from '../marketplace.enums';

/** ISO 3166-1 has 249 officially assigned alpha-2 codes; a need lists each at most once. */
export const MAX_ALLOWED_LOCATIONS = 249;

@ObjectType({ description: 'What an organisation needs.' })
export class ResourceNeed {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Anonymous needs hide their organisation, proposal and people (see `organization`).' })
  anonymous: boolean;

  @Field(() => ResourceKind)
  kind: ResourceKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Float, { nullable: true, description: 'How much is needed, in `unit`; greater than 0.' })
  quantity: number | null;

  @Field(() => ResourceUnit, { nullable: true })
  unit: ResourceUnit | null;

  @Field(() => Date, { nullable: true, description: 'Null: from now.' })
  neededFrom: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null: no end.' })
  neededUntil: Date | null;

  @Field(() => DataSensitivity, { description: 'The most sensitive data the work involves.' })
  sensitivity: DataSensitivity;

  @Field(() => [String], {
    description: `ISO 3166-1 alpha-2 codes where the work may run; empty means any EU/EEA country (at most ${MAX_ALLOWED_LOCATIONS}).`,
  })
  @MaxItems(MAX_ALLOWED_LOCATIONS)
  allowedLocations: string[];

  @Field(() => [Certification], { description: `Each at most once (at most ${LISTED_CERTIFICATIONS}); TISAX_AL3 satisfies TISAX_AL2.` })
  @MaxItems(LISTED_CERTIFICATIONS)
  requiredCertifications: Certification[];

  @Field(() => NeedStatus)
  status: NeedStatus;

  @Field(() => Confidentiality, {
    description: 'Who may see it: PUBLIC, MEMBERS or WORKING_GROUP (then workingGroup is set); PARTIES is refused.',
  })
  confidentiality: Confidentiality;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: 'Incremented on every change; pass it back as expectedVersion to updateResourceNeed.' })
  version: number;
}

@ObjectType({
  description:
    "What the viewer may do with a need now, by the rules the mutations apply (whom the viewer speaks for, the need's " +
    'status). True means the mutation would not be refused for who the viewer is or the state the need is in; it may still ' +
    'refuse the input (a stale expectedVersion; for an introduction, the capability).',
})
export class ResourceNeedViewerCan {
  @Field({ description: "updateResourceNeed's fields: the organisation's people and admins, while OPEN (FULFILLED and CLOSED are final)." })
  edit: boolean;

  @Field({ description: 'updateResourceNeed to status FULFILLED: the same people, while OPEN.' })
  fulfill: boolean;

  @Field({ description: 'updateResourceNeed to status CLOSED: the same people, while OPEN.' })
  close: boolean;

  @Field({
    description:
      'requestIntroduction on this need: the same people, while OPEN. Every capability in its matches qualifies (ACTIVE, another ' +
      "organisation's, readable by the need's organisation) unless an introduction to it is already REQUESTED or ACCEPTED (CONFLICT).",
  })
  requestIntroduction: boolean;
}

@ObjectType()
export class ResourceNeedConnection extends Paginated(ResourceNeed) {}
