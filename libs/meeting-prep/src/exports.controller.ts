import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
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
  async download(@Param('id') id: string, @Query('expires') expires: unknown, @Query('signature') signature: unknown, @Res() res: Response): Promise<void> {
    const result = await this.exports.download(id, expires, signature);
    // Neither the file nor a refusal may be kept by a shared cache.
    res.setHeader('Cache-Control', 'private, no-store');
    if (result.status !== 'ok') {
      const refusal = REFUSALS[result.status];
      res.status(refusal.status).json({ statusCode: refusal.status, message: refusal.message });
      return;
    }
    const { file } = result;
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.content.length));
    // File names are slugs (ASCII letters, digits, hyphens and one dot): safe inside the quotes.
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.end(file.content);
  }
}
