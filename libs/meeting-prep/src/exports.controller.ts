import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/core';
import { ExportsService } from './exports.service';

const REFUSALS = {
  'bad-signature': { status: 403, message: 'The download link is not valid' },
  expired: { status: 410, message: 'The download link has expired; export the file again' },
  'not-found': { status: 404, message: 'No such file' },
} as const;

/**
 * `GET /exports/:id?expires=…&signature=…`: a plain HTTP download, opened from an email, a browser or
 * curl without a bearer token: the signed, expiring URL is the credential. HTTP routes are outside
 * the GraphQL AuthGuard; `@Public()` says so here too.
 */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Public()
  @Get(':id')
  async download(@Param('id') id: string, @Query('expires') expires: unknown, @Query('signature') signature: unknown, @Res() reply: FastifyReply): Promise<void> {
    const result = await this.exports.download(id, expires, signature);
    // Neither the file nor a refusal may be kept by a shared cache.
    reply.header('Cache-Control', 'private, no-store');
    if (result.status !== 'ok') {
      const refusal = REFUSALS[result.status];
      await reply.status(refusal.status).send({ statusCode: refusal.status, message: refusal.message });
      return;
    }
    const { file } = result;
    // File names are slugs (ASCII letters, digits, hyphens and one dot): safe inside the quotes.
    await reply
      .status(200)
      .headers({ 'Content-Type': file.contentType, 'Content-Length': String(file.content.length), 'Content-Disposition': `attachment; filename="${file.filename}"` })
      .send(file.content);
  }
}
