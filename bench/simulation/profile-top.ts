/**
 * Where a run's time went, from a V8 .cpuprofile (node --cpu-prof): self time per function and per source file.
 *   node -r ./infra/register.js bench/simulation/profile-top.ts <file.cpuprofile> [functions]
 */
import { frameLabel, largestShares, readCpuProfile } from '../lib/cpu-profile';

export interface ProfileTop {
  readonly totalMs: number;
  readonly functions: readonly { readonly name: string; readonly ms: number; readonly percent: number }[];
  readonly files: readonly { readonly name: string; readonly ms: number; readonly percent: number }[];
}

export function topOfProfile(file: string, count = 20): ProfileTop {
  const profile = readCpuProfile(file);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    const frame = nodes.get(id)!.callFrame;
    const path = frame.url.replace(/^file:\/\//, '').split('/');
    const fn = frameLabel(frame);
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
    const source = path.slice(-3).join('/') || frame.functionName;
    files.set(source, (files.get(source) ?? 0) + micros);
  });
  return { totalMs: Math.round(total / 1000), functions: largestShares(functions, count, total), files: largestShares(files, count, total) };
}

if (require.main === module) {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [functions]');
  const top = topOfProfile(file, Number(count ?? 25));
  const rows = (items: ProfileTop['functions']) => items.map((f) => `| ${f.ms} | ${f.percent}% | \`${f.name}\` |`).join('\n');
  process.stdout.write(`total ${top.totalMs} ms\n\n| self ms | share | function |\n| ---: | ---: | --- |\n${rows(top.functions)}\n\n| self ms | share | file |\n| ---: | ---: | --- |\n${rows(top.files)}\n`);
}
