import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '@app/core';
import { DatasetInput } from '../dto/dataset.input';
import { Dataset } from './dataset.model';
import { DatasetsService } from './datasets.service';

@Resolver(() => Dataset)
export class DatasetsResolver {
  constructor(private readonly service: DatasetsService) {}

  @Mutation(() => Dataset, { description: 'A signatory contributor registers a dataset, checked against the terms.' })
  addDataset(@CurrentViewer() viewer: Viewer, @Args('input') input: DatasetInput) {
    return this.service.add(viewer, input);
  }

  @Mutation(() => Boolean, { description: "The contributor's people, the steward's and admins remove a dataset from the catalogue." })
  removeDataset(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.remove(viewer, id);
  }
}
