/**
 * Events as the system's command handlers write them: validated by the catalogue; the events of one command share
 * its actor, correlation id and recording instant (metadata.occurredAt, in office hours), each caused by the one
 * before it.
 */
import { toCohortStreamId, type EventCatalogue } from '@skills/domain';
import type { EventToAppend, ExpectedVersion, StreamAppend } from '@skills/event-store';
import type { Cohort } from './district-state';
import type { Prng } from './prng';
import { recordedAt } from './recording-lags';

export class EventWriter {
  private correlation = '';
  private causation: string | null = null;
  private actor = '';
  private occurredAt = '';

  constructor(
    private readonly rng: Prng,
    private readonly catalogue: EventCatalogue,
    /** Bureau clerks' and providers' account ids. */
    private readonly actors: readonly string[],
  ) {}

  /** A command accepted on the day `recordedOn` (see recording-lags.ts), in office hours. */
  newCommand(recordedOn: number): void {
    this.newCommandAt(recordedAt(this.rng, recordedOn));
  }

  /** A command accepted at the instant `at` (epoch ms), for records whose order within a day matters. */
  newCommandAt(at: number): void {
    this.correlation = this.rng.uuid();
    this.causation = null;
    this.actor = this.actors[this.rng.uint32() % this.actors.length]!;
    this.occurredAt = new Date(at).toISOString();
  }

  event(type: string, data: Record<string, unknown>): EventToAppend {
    const serialised = this.catalogue.serialise({ type, data });
    const eventId = this.rng.uuid();
    const metadata = {
      actor: this.actor,
      correlationId: this.correlation,
      causationId: this.causation,
      occurredAt: this.occurredAt,
      policyVersion: 'JCCQ-2020-12@1',
    };
    this.causation = eventId;
    return { eventId, type: serialised.type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata };
  }

  /** The cohort's events appended at the stream's exact version. */
  cohortAppend(cohort: Cohort, events: EventToAppend[]): StreamAppend {
    const expectedVersion: ExpectedVersion = cohort.version === 0 ? 'no_stream' : cohort.version;
    cohort.version += events.length;
    return { streamId: toCohortStreamId(cohort.cohortId), expectedVersion, events };
  }
}
