import { Field, Float, ObjectType } from '@nestjs/graphql';
import { MaxItems, Paginated } from '@app/core';
import { CapabilityEntity } from '../capabilities/capability.entity';
import { Capability } from '../capabilities/capability.model';

/** Coverage, window, sensitivity, location and certifications: one line each. */
export const MAX_REASONS = 5;

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
}

@ObjectType()
export class CapabilityMatchConnection extends Paginated(CapabilityMatch) {}
