import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/core';
import { DCAT_AP_CONTEXT } from './contexts/dcat-ap-3.context';
import { DCAT_AP_CONTEXT_PATH } from './vocabulary';

/**
 * Serves the DCAT-AP context the catalogue exports name, so that a reader who follows the name finds it
 * on any instance (`<PUBLIC_URL>/contexts/data-pools/dcat-ap-3.jsonld`). Public: a context holds no data.
 */
@Controller()
export class ContextsController {
  private readonly body = JSON.stringify(DCAT_AP_CONTEXT, null, 2);

  @Public()
  @Get(DCAT_AP_CONTEXT_PATH)
  async dcatAp(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .status(200)
      .headers({ 'Content-Type': 'application/ld+json; charset=utf-8', 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*' })
      .send(this.body);
  }
}
