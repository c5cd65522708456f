import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MaxItems, Paginated } from '@app/core';
import { Confidentiality } from '@app/proposals';
import { AccessModel, CapabilityStatus, Certification, DataSensitivity, ResourceKind, ResourceUnit } from '../marketplace.enums';

/** Every certification at most once. */
export const LISTED_CERTIFICATIONS = Object.keys(Certification).length;

@ObjectType({ description: 'What an organisation offers.' })
export class Capability {
  @Field(() => ID)
  id: string;

  @Field(() => ResourceKind)
  kind: ResourceKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Float, { nullable: true, description: 'How much is offered, in `unit`; greater than 0.' })
  quantity: number | null;

  @Field(() => ResourceUnit, { nullable: true })
  unit: ResourceUnit | null;

  @Field(() => Date, { nullable: true, description: 'Null: available now.' })
  availableFrom: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null: no end.' })
  availableUntil: Date | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country where the resource runs' })
  location: string;

  @Field(() => DataSensitivity, { description: 'The most sensitive data the provider is certified to handle' })
  maxSensitivity: DataSensitivity;

  @Field(() => [Certification], { description: `Each at most once (at most ${LISTED_CERTIFICATIONS}).` })
  @MaxItems(LISTED_CERTIFICATIONS)
  certifications: Certification[];

  @Field(() => AccessModel)
  accessModel: AccessModel;

  @Field(() => CapabilityStatus)
  status: CapabilityStatus;

  @Field(() => Confidentiality, {
    description: 'Who may see it: PUBLIC, MEMBERS or WORKING_GROUP (then workingGroup is set); PARTIES is refused.',
  })
  confidentiality: Confidentiality;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: 'Incremented on every change; pass it back as expectedVersion to updateCapability.' })
  version: number;
}

@ObjectType({
  description:
    "What the viewer may do with a capability now, by the rules the mutations apply (whom the viewer speaks for, the " +
    "capability's status). True means the mutation would not be refused for who the viewer is or the state the capability " +
    'is in; it may still refuse the input (a stale expectedVersion).',
})
export class CapabilityViewerCan {
  @Field({ description: "updateCapability's fields: the organisation's people and admins, unless RETIRED (final)." })
  edit: boolean;

  @Field({ description: 'updateCapability to status PAUSED: the same people, while ACTIVE.' })
  pause: boolean;

  @Field({ description: 'updateCapability to status ACTIVE: the same people, while PAUSED.' })
  resume: boolean;

  @Field({ description: 'updateCapability to status RETIRED: the same people, unless RETIRED already.' })
  retire: boolean;

  @Field({
    description:
      "requestIntroduction with a need of the viewer's organisation: the capability ACTIVE, another organisation's, and readable by " +
      "the viewer's organisation. The need must also allow it (ResourceNeed.viewerCan.requestIntroduction).",
  })
  requestIntroduction: boolean;
}

@ObjectType()
export class CapabilityConnection extends Paginated(Capability) {}
