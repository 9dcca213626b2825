import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/access.decorators';
import { API_ROUTES } from '../api-routes';
import { buildOpenApiDocument } from './openapi-document';

const SWAGGER_UI_DIR: string = require('swagger-ui-dist').getAbsoluteFSPath();
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>skills-claims API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#ui' });</script></body></html>`;

@Controller('api/docs')
export class DocsController {
  private readonly document = buildOpenApiDocument(API_ROUTES);

  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Public()
  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    return this.document;
  }

  @Public()
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const type = ASSETS[file];
    if (!type) throw new NotFoundException();
    void reply.type(type).header('cache-control', 'public, max-age=86400').send(readFileSync(path.join(SWAGGER_UI_DIR, file)));
  }
}
