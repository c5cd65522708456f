import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '@app/core';
import { ExportFile } from '../export-file.model';
import { ExportDataPoolArgs } from './export-data-pool.args';
import { DataPoolExportsService } from './data-pool-exports.service';

@Resolver(() => ExportFile)
export class DataPoolExportsResolver {
  constructor(private readonly exports: DataPoolExportsService) {}

  @Mutation(() => ExportFile, {
    description:
      "A data pool's export, fetched by GET on the signed, expiring url. DCAT_AP_JSONLD: the catalogue (DCAT-AP 3, JSON-LD);\n" +
      'ODRL_JSONLD: the current terms as an ODRL 2.2 policy (an Agreement once the pool is in force, else an Offer);\n' +
      'AGREEMENT_PDF: the terms, datasets and signatures. NOT_FOUND when the viewer may not read the pool.',
  })
  exportDataPool(@CurrentViewer() viewer: Viewer, @Args() { poolId, format }: ExportDataPoolArgs): Promise<ExportFile> {
    return this.exports.export(viewer, poolId, format);
  }
}
