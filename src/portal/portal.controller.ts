/**
 * Serves the portal: the app shell at `/`, its allow-listed assets and the
 * problem-type pages. All public: the portal itself holds no data; it reads the
 * registry API from the browser, with the user's token or anonymously.
 */
import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../platform/auth/auth.decorators';
import { CharterError } from '../platform/problems/charter.error';
import { type Asset, loadAssets } from './portal-assets';
import { loadProblemDescriptions, renderProblemPage } from './problem-pages';

// Scripts and styles only from this origin, no inline code: document-derived text
// can never become script even if some escaping were missed.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

@ApiExcludeController()
@Controller()
export class PortalController {
  private readonly shell: Asset;
  private readonly assets: Map<string, Asset>;
  private readonly descriptions = loadProblemDescriptions();
  private readonly problemPages = new Map<string, string>();

  constructor() {
    const { shell, assets } = loadAssets();
    this.shell = shell;
    this.assets = assets;
  }

  @Get()
  @PublicRoute()
  index(@Res() reply: FastifyReply): void {
    void securityHeaders(reply).header('cache-control', 'no-cache').type(this.shell.contentType).send(this.shell.body);
  }

  @Get('portal/assets/:file')
  @PublicRoute()
  asset(@Param('file') file: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    const asset = this.assets.get(file);
    if (!asset) {
      throw new CharterError('NOT_FOUND', `No portal asset named "${file.slice(0, 100)}".`);
    }
    // Names are not content-hashed, so caches revalidate after a short while; the ETag makes that a 304.
    void reply.header('cache-control', 'public, max-age=300, must-revalidate').header('etag', asset.etag).header('x-content-type-options', 'nosniff');
    if (ifNoneMatch === asset.etag) {
      void reply.status(304).send();
      return;
    }
    void reply.type(asset.contentType).send(asset.body);
  }

  @Get('problems/:slug')
  @PublicRoute()
  problem(@Param('slug') slug: string, @Res() reply: FastifyReply): void {
    let html = this.problemPages.get(slug);
    if (html === undefined) {
      html = renderProblemPage(slug, this.descriptions);
      if (html === undefined) {
        throw new CharterError('NOT_FOUND', `No problem type "${slug.slice(0, 100)}".`);
      }
      this.problemPages.set(slug, html);
    }
    void securityHeaders(reply).header('cache-control', 'public, max-age=3600').type('text/html; charset=utf-8').send(html);
  }
}

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer');
}
