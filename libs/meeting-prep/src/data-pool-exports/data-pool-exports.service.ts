import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Viewer } from '@app/core';
import { DataPoolExportFormat } from '@app/data-pools';
import { ExportFile } from '../export-file.model';
import { ExportFormat } from '../export-format.enum';
import { ExportsService, RenderedExport } from '../exports.service';
import { slugify } from '../file-names';
import { RenderPool } from '../renderers/render-pool';
import { gatherDataPool } from './data-pool.read-model';
import { DATA_POOL_EXPORT_KINDS } from './index';

/** The ExportFile.format of each data-pool export (contract 06: the JSON-LD exports are JSONLD, the agreement PDF). */
const FILE_FORMAT: Record<DataPoolExportFormat, ExportFormat> = {
  [DataPoolExportFormat.DCAT_AP_JSONLD]: ExportFormat.JSONLD,
  [DataPoolExportFormat.ODRL_JSONLD]: ExportFormat.JSONLD,
  [DataPoolExportFormat.AGREEMENT_PDF]: ExportFormat.PDF,
};

/**
 * `exportDataPool`: the pool's catalogue (DCAT-AP), terms (ODRL) or agreement (PDF), through the meeting
 * briefs' machinery — the per-person export slots, the render pool's worker threads, the export_files
 * table and its signed, expiring download URLs.
 */
@Injectable()
export class DataPoolExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportsService,
    private readonly renderer: RenderPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `exportDataPool`: renders, stores and signs, in one of the viewer's export slots. */
  export(viewer: Viewer, poolId: string, format: DataPoolExportFormat): Promise<ExportFile> {
    return this.exports.withSlot(viewer, async () => this.exports.store(viewer, { dataPoolId: poolId }, await this.render(viewer, poolId, format)));
  }

  /**
   * The file, not stored (the CLI writes it to disk); the same path as `export`. NOT_FOUND when the viewer
   * may not read the pool, as `dataPool(id)` answers null: nothing is rendered.
   */
  async render(viewer: Viewer, poolId: string, format: DataPoolExportFormat): Promise<RenderedExport> {
    const document = await gatherDataPool(this.dataSource, viewer, poolId, { publicUrl: this.config.publicUrl, now: new Date() });
    const kind = DATA_POOL_EXPORT_KINDS[format];
    const { content } = await this.renderer.renderDataPool(format, document);
    // `2026-03-04-highway-perception-pool-v2-odrl.jsonld`: the day it was made, the pool, the terms version.
    const filename = `${document.generatedAt.slice(0, 10)}-${slugify(document.pool.title)}-v${document.pool.termsVersion}-${kind.suffix}`;
    return { format: FILE_FORMAT[format], filename, contentType: kind.contentType, content };
  }
}
