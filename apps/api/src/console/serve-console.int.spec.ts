import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveConsole } from './serve-console';

// The one-process default serves the built console at `/` beside the api, which must stay the api's.
describe('serveConsole', () => {
  let dist: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'sc-console-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');
    app = Fastify();
    app.get('/api/claims/:claimId', async (request) => ({ claimId: (request.params as { claimId: string }).claimId }));
    app.get('/health', async () => ({ ok: true }));
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND' } }));
    expect(serveConsole(app, dist)).toBe(true);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / and any page of the console with index.html, under a content security policy', async () => {
    for (const url of ['/', '/queue', '/claims/586bf022-ec78-5789-9be3-babc798091ae?tab=history']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves a hashed asset as immutable, and a missing asset as 404 rather than the page', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.body).toBe('console.log(1)');
    expect((await app.inject({ method: 'GET', url: '/assets/gone-999.js' })).statusCode).toBe(404);
  });

  it('never shadows the api: a known route answers, an unknown one is the api 404, /health stays', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/claims/abc' })).json()).toEqual({ claimId: 'abc' });
    const unknown = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'NOT_FOUND' } });
    expect((await app.inject({ method: 'GET', url: '/api' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ ok: true });
  });

  it('reads no file outside what was built: a path climbing out gets the page, not the file', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/../../../../etc/passwd' });
    expect(response.body).not.toContain('root:');
  });

  it('serves nothing when the console has not been built', async () => {
    const bare = Fastify();
    expect(serveConsole(bare, path.join(dist, 'missing'))).toBe(false);
    expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    await bare.close();
  });
});
