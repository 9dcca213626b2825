/** First batch of a district: its subdistricts, then training providers spread over them. */
import { toProviderStreamId, toSubdistrictStreamId } from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import { isoOf } from './district-calendar';
import type { Provider } from './district-state';
import { SUBDISTRICT_CODES, SUBDISTRICT_NAMES } from './district-vocabulary';
import type { EventWriter } from './event-writer';
import type { Prng } from './prng';

export interface Organisations {
  readonly subdistrictIds: string[];
  readonly providers: Provider[];
  readonly appends: StreamAppend[];
}

export function registerOrganisations(rng: Prng, writer: EventWriter, firstStart: number, subdistricts: number, providerCount: number): Organisations {
  const subdistrictIds: string[] = [];
  const appends: StreamAppend[] = [];
  const subdistrictCount = Math.min(subdistricts, SUBDISTRICT_CODES.length);
  for (let s = 0; s < subdistrictCount; s++) {
    const subdistrictId = rng.uuid();
    subdistrictIds.push(subdistrictId);
    writer.newCommand(firstStart - 400);
    appends.push({
      streamId: toSubdistrictStreamId(subdistrictId),
      expectedVersion: 'no_stream',
      events: [writer.event('SubdistrictRegistered', { subdistrictId, code: SUBDISTRICT_CODES[s]!, name: SUBDISTRICT_NAMES[s]!, nameEn: `${SUBDISTRICT_CODES[s]} subdistrict` })],
    });
  }
  const providers: Provider[] = [];
  for (let p = 0; p < providerCount; p++) {
    const providerId = rng.uuid();
    const subdistrict = p % subdistrictCount;
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
            name: `${SUBDISTRICT_NAMES[subdistrict]}第${p + 1}职业培训学校`,
            kind: rng.chance(0.2) ? 'VOCATIONAL_COLLEGE' : 'TRAINING_INSTITUTION',
            subdistrictId: subdistrictIds[subdistrict]!,
            qualification: { number: `PX-${String(p + 1).padStart(4, '0')}`, validFrom: isoOf(validFrom), expiresOn: isoOf(validFrom + 365 * 6) },
          },
        ),
      ],
    });
  }
  return { subdistrictIds, providers, appends };
}
