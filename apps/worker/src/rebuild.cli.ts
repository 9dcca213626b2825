import { Logger, loadConfig, openSystem, describeError } from '@skills/platform';
import { ALL_PROJECTIONS, rebuildProjection } from '@skills/projections';

/**
 * npm run rebuild-projections [-- <name> ...]
 * Empties the named read models (all by default) and replays every event, printing progress and events/s.
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !ALL_PROJECTIONS.some((p) => p.name === n));
  if (unknown.length > 0) {
    throw new Error(`Unknown projection(s): ${unknown.join(', ')}; known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
  }
  const config = loadConfig();
  const system = await openSystem(config, new Logger('warn'));
  try {
    for (const projection of ALL_PROJECTIONS.filter((p) => names.length === 0 || names.includes(p.name))) {
      let lastPrint = 0;
      // On a terminal one line updates in place; in a log, a line a second.
      const tty = process.stdout.isTTY === true;
      const result = await rebuildProjection(system.db, system.store, system.catalogue, projection, (p) => {
        if (Date.now() - lastPrint < (tty ? 250 : 1000)) return;
        lastPrint = Date.now();
        const line = `${p.projection}: ${p.processed}/${p.total} events (${percent(p.processed, p.total)}), ${p.eventsPerSecond} events/s`;
        process.stdout.write(tty ? `\r${line}   ` : `${line}\n`);
      });
      process.stdout.write(`${tty ? '\r' : ''}${result.projection}: ${result.processed}/${result.total} events (100%), ${result.eventsPerSecond} events/s — rebuilt\n`);
    }
  } finally {
    await system.close();
  }
}

function percent(done: number, total: number): string {
  return total === 0 ? '100%' : `${Math.floor((done * 100) / total)}%`;
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error && !('code' in error) ? error.message : JSON.stringify(describeError(error))}\n`);
  process.exit(1);
});
