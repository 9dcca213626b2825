import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { System } from '@skills/platform';
import { API_CONTROLLERS } from './api-controllers';
import { AuthGuard } from './http/auth.guard';
import { ErrorFilter } from './http/error.filter';
import { CORRELATION_HEADER } from './http/request-context';
import { TOKENS } from './http/tokens';
import { registerUploadParsers } from './http/upload-parsers';
import { serveConsole } from './console/serve-console';
import type { RegistryDirectory } from './registry/registry-directory';
import { REGISTRY_DIRECTORY } from './registry/registry-directory.token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Module({})
class ApiModule {
  static with(system: System, directory: RegistryDirectory, controllers: Type[]): DynamicModule {
    return {
      module: ApiModule,
      controllers,
      providers: [
        { provide: TOKENS.system, useValue: system },
        { provide: TOKENS.tokenService, useValue: system.tokens },
        { provide: REGISTRY_DIRECTORY, useValue: directory },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}

/** Builds the HTTP application on a ready system (used by main.ts and by the end-to-end tests). */
export async function createApp(system: System, directory: RegistryDirectory): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // The correlation id: the caller's (when it is a UUID) or a new one; it is in every event and error body.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers[CORRELATION_HEADER];
      return typeof given === 'string' && UUID.test(given) ? given : randomUUID();
    },
    bodyLimit: 20 * 1024 * 1024,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.with(system, directory, API_CONTROLLERS), adapter, { logger: false });
  app.useGlobalFilters(new ErrorFilter(system.logger));
  const fastify = app.getHttpAdapter().getInstance();
  registerUploadParsers(fastify);
  // The reviewer console (apps/console/dist) at `/`, when it has been built; /api stays the api's.
  serveConsole(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header(CORRELATION_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    // Route pattern only (never the URL with its values), status and timing.
    system.logger.info('http', {
      correlationId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });
  await app.init();
  return app;
}
