import type { AppMemory } from './app-memory';
import type { ContenderKind } from './sizes';
import { BATCH_LABEL, READ_ALTERNATIVE_LABEL, READ_LABEL, REBUILD_LABEL, singleLabel, type Measurement } from './workloads';

export type Results = Partial<Record<ContenderKind, Measurement[]>>;

const rate = (n: number): string => n.toLocaleString('en-US');
const ratio = (a?: number, b?: number): string => (a && b ? `${(a / b).toFixed(2)}×` : '—');

/** The best round of a workload (the least disturbed by other load on the machine). */
function find(results: Results, kind: ContenderKind, workload: string): Measurement | undefined {
  const rounds = (results[kind] ?? []).filter((m) => m.workload === workload);
  return rounds.sort((a, b) => Number(!!a.note) - Number(!!b.note) || b.eventsPerSecond - a.eventsPerSecond)[0];
}

function cell(m?: Measurement): string {
  if (!m) return '—';
  return m.note ? `(${rate(m.eventsPerSecond)}: ${m.note})` : rate(m.eventsPerSecond);
}

const rateOf = (m?: Measurement): number | undefined => (m && !m.note ? m.eventsPerSecond : undefined);

/** One row per workload: the three PostgreSQL contenders side by side, our ratios, then ours on PGlite. */
export function throughputTable(results: Results): string {
  const workloads = [
    ...[1, 8, 32].map((c) => ({ label: singleLabel(c), key: singleLabel(c) })),
    { label: BATCH_LABEL, key: BATCH_LABEL },
    { label: 'read all (ours: readAll, pages of 1000; Emmett: readMessagesBatch, pages of 1000; raw: COPY … TO STDOUT)', key: READ_LABEL },
    { label: 'read all, one plain SELECT through pg (raw only)', key: READ_ALTERNATIVE_LABEL },
    { label: 'rebuild labourers projection (ours: rebuildProjection; raw: one INSERT … SELECT)', key: REBUILD_LABEL },
  ];
  const lines = [
    '| workload (events/s) | ours (PG) | Emmett (PG) | raw COPY (PG) | ours ÷ Emmett | ours ÷ raw | ours (PGlite) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { label, key } of workloads) {
    const ours = find(results, 'ours-pg', key);
    const emmett = find(results, 'emmett', key);
    const raw = find(results, 'raw', key);
    const lite = find(results, 'ours-pglite', key);
    lines.push(
      `| ${label} | ${cell(ours)} | ${cell(emmett)} | ${cell(raw)} | ${ratio(rateOf(ours), rateOf(emmett))} | ${ratio(rateOf(ours), rateOf(raw))} | ${cell(lite)} |`,
    );
  }
  return lines.join('\n');
}

export function latencyTable(results: Results): string {
  const kinds: [ContenderKind, string][] = [['ours-pg', 'ours (PG)'], ['emmett', 'Emmett (PG)'], ['raw', 'raw COPY (PG)'], ['ours-pglite', 'ours (PGlite)']];
  const lines = ['| single-event append latency, p50 / p99 ms | ' + kinds.map(([, n]) => n).join(' | ') + ' |', '| --- |' + ' ---: |'.repeat(kinds.length)];
  for (const c of [1, 8, 32]) {
    const cells = kinds.map(([k]) => {
      const m = find(results, k, singleLabel(c));
      return m?.p50Ms === undefined ? '—' : `${m.p50Ms.toFixed(2)} / ${m.p99Ms!.toFixed(2)}`;
    });
    lines.push(`| concurrency ${c} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function goalsTable(results: Results): string {
  const c8 = ratioValue(find(results, 'ours-pg', singleLabel(8)), find(results, 'emmett', singleLabel(8)));
  const batch = ratioValue(find(results, 'ours-pg', BATCH_LABEL), find(results, 'raw', BATCH_LABEL));
  const rebuild = rateOf(find(results, 'ours-pg', REBUILD_LABEL));
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
  return [
    '| goal | target | measured | |',
    '| --- | ---: | ---: | --- |',
    `| single-event appends at concurrency 8 vs Emmett | ≥ 1.50× | ${c8 === undefined ? '—' : `${c8.toFixed(2)}×`} | ${verdict(c8 === undefined ? undefined : c8 >= 1.5)} |`,
    `| 100-event batches vs raw COPY | ≥ 40% | ${batch === undefined ? '—' : `${(batch * 100).toFixed(0)}%`} | ${verdict(batch === undefined ? undefined : batch >= 0.4)} |`,
    `| labourers rebuild on PostgreSQL | ≥ 30,000 events/s | ${rebuild === undefined ? '—' : rate(rebuild)} | ${verdict(rebuild === undefined ? undefined : rebuild >= 30_000)} |`,
  ].join('\n');
}

function ratioValue(a?: Measurement, b?: Measurement): number | undefined {
  const x = rateOf(a);
  const y = rateOf(b);
  return x && y ? x / y : undefined;
}

export function memoryTable(app: { first: AppMemory; restart: AppMemory }, bench: Partial<Record<ContenderKind, { open: number; end: number }>>): string {
  const mb = (n: number): string => `${n.toFixed(0)} MiB`;
  const runRows = (label: string, m: AppMemory): string[] => {
    const statuses = Object.entries(m.statuses).map(([s, n]) => `${n}×${s}`).join(', ');
    return [
      `| app, ${label}: idle (listening after ${m.startupSeconds.toFixed(1)} s, then 5 s idle) | ${mb(m.idleRssMb)} |`,
      `| app, ${label}: after ${m.requests} requests in ${m.burstSeconds.toFixed(1)} s (${statuses}) | ${mb(m.afterBurstRssMb)} |`,
      `| app, ${label}: peak (VmHWM) | ${mb(m.peakRssMb)} |`,
    ];
  };
  const lite = bench['ours-pglite'];
  const ours = bench['ours-pg'];
  return [
    '| resident memory (RSS) of api + worker on embedded PGlite, and of the benchmark processes | RSS |',
    '| --- | ---: |',
    ...runRows('first start (fresh DATA_DIR, PGlite initdb)', app.first),
    ...runRows('restart on the same DATA_DIR', app.restart),
    ...(lite ? [`| benchmark process, ours on PGlite (fresh data dir): store open / after all workloads | ${mb(lite.open)} / ${mb(lite.end)} |`] : []),
    ...(ours ? [`| benchmark process, ours on PostgreSQL: store open / after all workloads | ${mb(ours.open)} / ${mb(ours.end)} |`] : []),
  ].join('\n');
}

/** Every round of every workload: events, seconds, events/s. */
export function countsLine(results: Results): string {
  const parts = (Object.entries(results) as [ContenderKind, Measurement[]][]).map(([kind, ms]) => {
    const byWorkload = new Map<string, Measurement[]>();
    for (const m of ms) byWorkload.set(m.workload, [...(byWorkload.get(m.workload) ?? []), m]);
    const text = [...byWorkload.entries()].map(
      ([w, rounds]) => `${w.replace(/single-event appends, concurrency /, 'c=')}: ${rounds.map((m) => `${m.events} in ${m.seconds.toFixed(2)} s = ${rate(m.eventsPerSecond)}/s`).join(', ')}`,
    );
    return `- ${kind}: ${text.join('; ')}`;
  });
  return parts.join('\n');
}
