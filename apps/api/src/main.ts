import 'reflect-metadata';
import { Logger, loadConfig, openSystem, startProjections, describeError } from '@skills/platform';
import { createApp } from './create-app';
import { RegistryDirectory } from './registry/registry-directory';
import { seedEmbeddedDefaults } from './seed/seed-embedded-defaults';

/** One process: the HTTP api and, unless RUN_WORKER=false, the worker's projections beside it. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger(config.LOG_LEVEL);
  const system = await openSystem(config, logger);
  if (config.RUN_WORKER) await startProjections(system);
  const directory = await RegistryDirectory.load(system);
  const accounts = config.seedLocalAccounts ? await seedEmbeddedDefaults(system, directory) : [];
  const app = await createApp(system, directory);
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://${config.HOST}:${config.PORT}`;
  const store = config.embedded ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(
    [
      '',
      `skills-claims is listening on ${url} (${store}; worker ${config.RUN_WORKER ? 'in this process' : 'not started'})`,
      `  console:   ${url}/`,
      `  API docs:  ${url}/api/docs`,
      `  health:    ${url}/health`,
      ...(accounts.length > 0
        ? [
            `  log in:    curl -s -X POST ${url}/api/auth/login -H 'content-type: application/json' -d '{"username":"admin","password":"<password>"}'`,
            `  local accounts (passwords in ${accounts[0]!.file}):`,
            ...accounts.map((a) => `    ${a.username.padEnd(10)} ${a.roles.join(', ')}`),
          ]
        : []),
      '',
    ].join('\n') + '\n',
  );
  const shutdown = async (): Promise<void> => {
    await app.close();
    await system.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  // Nothing personal exists before the first request, so a start-up failure may say what it is.
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(describeError(error))}` : JSON.stringify(describeError(error));
  process.stderr.write(`skills-claims failed to start: ${text}\n`);
  process.exit(1);
});
