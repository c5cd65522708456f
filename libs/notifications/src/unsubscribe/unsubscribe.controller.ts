import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { confirmationPage, donePage, invalidPage } from './unsubscribe-page';
import { UnsubscribeService } from './unsubscribe.service';

type Request = FastifyRequest<{ Querystring: { token?: unknown } }>;

/**
 * `GET /unsubscribe?token=…` shows a confirmation page and changes nothing; `POST /unsubscribe?token=…`
 * (RFC 8058: body `List-Unsubscribe=One-Click`, which mail providers send as a form) switches the
 * category OFF. Public by design: the AuthGuard only guards GraphQL operations. The token is read from
 * the raw query (no pipes), and the body is not needed: the signed token alone authorises the change,
 * whatever encoding a provider posts it in.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly service: UnsubscribeService) {}

  @Get()
  async confirm(@Req() req: Request, @Res() reply: FastifyReply): Promise<void> {
    const target = await this.service.resolve(req.query.token);
    if (!target) return this.invalid(req, reply);
    return this.html(reply, 200, confirmationPage(target.locale, target.category));
  }

  @Post()
  async unsubscribe(@Req() req: Request, @Res() reply: FastifyReply): Promise<void> {
    const target = await this.service.unsubscribe(req.query.token);
    if (!target) return this.invalid(req, reply);
    return this.html(reply, 200, donePage(target.locale, target.category));
  }

  private invalid(req: Request, reply: FastifyReply): Promise<void> {
    const language = req.headers['accept-language'];
    return this.html(reply, 400, invalidPage(/^de\b/i.test(typeof language === 'string' ? language : '') ? 'DE' : 'EN'));
  }

  private async html(reply: FastifyReply, status: number, body: string): Promise<void> {
    await reply.status(status).headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }).send(body);
  }
}
