import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DataSensitivity } from '@app/marketplace';
import { DataModality } from '../data-pools.enums';

@ObjectType({
  description:
    'What the viewer may do with a dataset now, by the rules the mutations apply (the contributor, the steward, the ' +
    "pool's state).",
})
export class DatasetViewerCan {
  @Field({ description: "removeDataset: the contributor's people, the steward's people and admins, until the pool has ended." })
  remove: boolean;
}

@ObjectType({ description: "A dataset in a pool's catalogue: what a contributor brings, described; the platform never holds the data." })
export class Dataset {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DataModality)
  modality: DataModality;

  @Field(() => Float, { nullable: true })
  sizeBytes: number | null;

  @Field(() => Float, { nullable: true })
  recordingHours: number | null;

  @Field(() => Float, { nullable: true })
  distanceKm: number | null;

  @Field(() => DataSensitivity)
  sensitivity: DataSensitivity;

  @Field({ description: 'SPDX licence id, or LicenseRef-proprietary' })
  license: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  location: string;

  @Field()
  personalData: boolean;

  @Field()
  anonymised: boolean;

  @Field(() => String, { nullable: true, description: 'GDPR Art. 6 basis; required when personalData' })
  legalBasis: string | null;

  @Field()
  createdAt: Date;
}
