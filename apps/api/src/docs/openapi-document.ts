import { z } from 'zod';
import type { ApiRoute } from './api-route';

const ERROR_BODY = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'correlationId'],
      properties: {
        code: { type: 'string', example: 'REGISTRY.DUPLICATE_LABOURER' },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        details: { type: 'object' },
        correlationId: { type: 'string' },
      },
    },
  },
};

/** OpenAPI 3.1 from the route list: bodies and queries as JSON Schema straight from their zod schemas. */
export function buildOpenApiDocument(routes: readonly ApiRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.roles ? { security: [{ bearer: [] }], description: `Roles: ${route.roles.join(', ')}` } : { security: [] }),
      parameters: [
        ...pathParameters(route.path),
        ...queryParameters(route.query),
        ...(route.idempotent
          ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', format: 'uuid' }, description: 'Send the same UUID again to retry safely' }]
          : []),
      ],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, description]) => [
          status,
          Number(status) >= 400 ? { description, content: { 'application/json': { schema: ERROR_BODY } } } : { description },
        ]),
      ),
    };
    if (route.body) operation['requestBody'] = { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input' }) } } };
    if (route.rawBody) operation['requestBody'] = { required: true, content: Object.fromEntries(route.rawBody.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'skills-claims API', version: '0.1.0', description: 'Vocational-skills subsidy claims (JCCQ-2020-12). Log in with POST /api/auth/login, then send the token as a Bearer header.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

function pathParameters(path: string): unknown[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
}

function queryParameters(query: z.ZodObject | undefined): unknown[] {
  if (!query) return [];
  const schema = z.toJSONSchema(query, { io: 'input' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}
