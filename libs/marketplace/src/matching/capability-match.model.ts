import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaxItems, Paginated } from '@app/core';
import { CapabilityEntity } from '../capabilities/capability.entity';
import { Capability, LISTED_CERTIFICATIONS } from '../capabilities/capability.model';
import { Certification, DataSensitivity, ResourceUnit } from '../marketplace.enums';
import { MatchReasonCode } from './match-reasons';

/** Coverage, window, sensitivity, location and certifications: one line each. */
export const MAX_REASONS = 5;

registerEnumType(MatchReasonCode, {
  name: 'MatchReasonCode',
  description: 'Which reason of a match this is; the values its sentence names are in the MatchReason fields listed.',
  valuesMap: {
    ANY_QUANTITY: { description: 'The need names no quantity, so any quantity covers it.' },
    COVERS: { description: 'Covers `percent` of `needQuantity` `needUnit`.' },
    NO_QUANTITY_OFFERED: { description: 'Offers no quantity to compare with `needQuantity` `needUnit` (counted as 50%).' },
    UNIT_NOT_COMPARABLE: { description: '`offeredQuantity` `offeredUnit`, not comparable with `needQuantity` `needUnit` (counted as 50%).' },
    WINDOW: { description: 'Available for `percent` of the needed window.' },
    ANY_WINDOW: { description: 'The need gives no complete window, so any availability fits.' },
    SENSITIVITY: { description: 'Handles `offeredSensitivity` data; the need’s data is `neededSensitivity`.' },
    ALLOWED_LOCATION: { description: 'Runs in `location`, one of the need’s allowed countries.' },
    EU_EEA_LOCATION: { description: 'Runs in `location`, in the EU/EEA (the need names no countries).' },
    CERTIFICATIONS: { description: 'Holds each of `certifications` the need requires (`through`: a stronger one it holds instead).' },
  },
});

@ObjectType({ description: 'A certification a need requires, as a matching capability holds it.' })
export class HeldCertification {
  @Field(() => Certification)
  required: Certification;

  @Field(() => Certification, { nullable: true, description: 'The stronger certification held instead (TISAX_AL3 for TISAX_AL2); null when held as such.' })
  through: Certification | null;
}

@ObjectType({
  description: 'One reason of a match as data, for clients that word it themselves: its code and the values its sentence names (the other fields are null).',
})
export class MatchReason {
  @Field(() => MatchReasonCode)
  code: MatchReasonCode;

  @Field({ description: 'The reason in English, as in CapabilityMatch.reasons.' })
  text: string;

  @Field(() => Int, { nullable: true, description: 'COVERS, WINDOW: whole percent, 100 only when complete and 0 only when nil.' })
  percent: number | null;

  @Field(() => Float, { nullable: true, description: 'COVERS, NO_QUANTITY_OFFERED, UNIT_NOT_COMPARABLE.' })
  needQuantity: number | null;

  @Field(() => ResourceUnit, { nullable: true, description: 'COVERS, NO_QUANTITY_OFFERED, UNIT_NOT_COMPARABLE.' })
  needUnit: ResourceUnit | null;

  @Field(() => Float, { nullable: true, description: 'UNIT_NOT_COMPARABLE.' })
  offeredQuantity: number | null;

  @Field(() => ResourceUnit, { nullable: true, description: 'UNIT_NOT_COMPARABLE.' })
  offeredUnit: ResourceUnit | null;

  @Field(() => DataSensitivity, { nullable: true, description: 'SENSITIVITY: the most sensitive data the capability handles.' })
  offeredSensitivity: DataSensitivity | null;

  @Field(() => DataSensitivity, { nullable: true, description: 'SENSITIVITY: the need’s data.' })
  neededSensitivity: DataSensitivity | null;

  @Field(() => String, { nullable: true, description: 'ALLOWED_LOCATION, EU_EEA_LOCATION: ISO 3166-1 alpha-2 country the capability runs in.' })
  location: string | null;

  @Field(() => [HeldCertification], { nullable: true, description: `CERTIFICATIONS: each the need requires, in its order (at most ${LISTED_CERTIFICATIONS}).` })
  @MaxItems(LISTED_CERTIFICATIONS)
  certifications: HeldCertification[] | null;
}

@ObjectType()
export class CapabilityMatch {
  @Field(() => Capability)
  capability: CapabilityEntity;

  @Field(() => Float, { description: '0..1, higher is better (rules in DESIGN.md): round(0.6 × coverage + 0.4 × window overlap, 2).' })
  score: number;

  @Field(() => [String], {
    description: `Why it matches, one line each (at most ${MAX_REASONS}), e.g. 'covers 80% of 50,000 GPU_HOURS'.`,
  })
  @MaxItems(MAX_REASONS)
  reasons: string[];

  @Field(() => [MatchReason], {
    description: `The same reasons in the same order, as codes with their values (at most ${MAX_REASONS}); for clients that show them in the person's language.`,
  })
  @MaxItems(MAX_REASONS)
  reasonDetails: MatchReason[];
}

@ObjectType()
export class CapabilityMatchConnection extends Paginated(CapabilityMatch) {}
