/** First batch of a district: its subdistricts (the task table's units), then training providers spread over them. */
import { toProviderStreamId, toSubdistrictStreamId } from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import type { SubdistrictEntry } from '../../apps/api/src/registry/registry-directory';
import { isoOf } from './district-calendar';
import type { Provider } from './district-state';
import type { EventWriter } from './event-writer';
import type { Prng } from './prng';

export interface Organisations {
  readonly subdistrictIds: string[];
  readonly providers: Provider[];
  readonly appends: StreamAppend[];
}

/** `units`: the subdistricts to register, in order (the first units of the task table, see generateDistrict). */
export function registerOrganisations(rng: Prng, writer: EventWriter, firstStart: number, units: readonly SubdistrictEntry[], providerCount: number): Organisations {
  const appends: StreamAppend[] = [];
  for (const { subdistrictId, code, name, nameEn } of units) {
    // The draw of the random id subdistricts had before they were the task table's: every later id of a seed, and
    // so every bench over a generated district, stays as it was.
    rng.uuid();
    writer.newCommand(firstStart - 400);
    appends.push({
      streamId: toSubdistrictStreamId(subdistrictId),
      expectedVersion: 'no_stream',
      events: [writer.event('SubdistrictRegistered', { subdistrictId, code, name, nameEn })],
    });
  }
  const providers: Provider[] = [];
  for (let p = 0; p < providerCount; p++) {
    const providerId = rng.uuid();
    const subdistrict = p % units.length;
    // Most providers pass nearly everyone; some are middling, a few weak.
    const quality = rng.weighted([['good', 78], ['middling', 16], ['weak', 6]] as const);
    const passRate = quality === 'good' ? rng.between(0.93, 0.995) : quality === 'middling' ? rng.between(0.8, 0.9) : rng.between(0.5, 0.72);
    providers.push({ providerId, subdistrict, passRate });
    writer.newCommand(firstStart - 300);
    const validFrom = firstStart - rng.int(200, 1500);
    appends.push({
      streamId: toProviderStreamId(providerId),
      expectedVersion: 'no_stream',
      events: [
        writer.event(
          'ProviderRegistered',
          {
            providerId,
            name: `${units[subdistrict]!.name}第${p + 1}职业培训学校`,
            kind: rng.chance(0.2) ? 'VOCATIONAL_COLLEGE' : 'TRAINING_INSTITUTION',
            subdistrictId: units[subdistrict]!.subdistrictId,
            qualification: { number: `PX-${String(p + 1).padStart(4, '0')}`, validFrom: isoOf(validFrom), expiresOn: isoOf(validFrom + 365 * 6) },
          },
        ),
      ],
    });
  }
  return { subdistrictIds: units.map((u) => u.subdistrictId), providers, appends };
}
