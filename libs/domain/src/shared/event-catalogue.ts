import type { DomainEvent, EventDefinition, Upcaster } from './event-definition';

export interface SerialisedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
}

export class UnknownEventTypeError extends Error {
  readonly code = 'EVENTS.UNKNOWN_TYPE';
  constructor(type: string, version: number) {
    super(`No event definition for ${type}.v${version}`);
  }
}

export class InvalidEventPayloadError extends Error {
  readonly code = 'EVENTS.INVALID_PAYLOAD';
  constructor(type: string, version: number, readonly issues: readonly { path: PropertyKey[]; message: string }[]) {
    super(`Stored ${type}.v${version} does not match its schema: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

/**
 * Every event type the system knows, each at its current version, plus the upcasters that bring older stored
 * versions forward. Events are parsed on the way in (so nothing malformed is stored) and on the way out.
 */
export class EventCatalogue {
  private readonly current = new Map<string, EventDefinition>();
  private readonly historic = new Map<string, EventDefinition>();
  private readonly upcasters = new Map<string, Upcaster>();

  register(...definitions: EventDefinition[]): this {
    for (const definition of definitions) {
      const existing = this.current.get(definition.type);
      if (!existing || existing.version < definition.version) this.current.set(definition.type, definition);
      this.historic.set(key(definition.type, definition.version), definition);
    }
    return this;
  }

  registerUpcaster(...upcasters: Upcaster[]): this {
    for (const upcaster of upcasters) this.upcasters.set(key(upcaster.type, upcaster.fromVersion), upcaster);
    return this;
  }

  serialise(event: DomainEvent): SerialisedEvent {
    const definition = this.current.get(event.type);
    if (!definition) throw new UnknownEventTypeError(event.type, 0);
    const data = parse(definition, event.data);
    return { type: event.type, schemaVersion: definition.version, data: data as Record<string, unknown> };
  }

  deserialise(stored: SerialisedEvent): DomainEvent {
    const target = this.current.get(stored.type);
    // A version newer than this code knows (written by a newer deployment) must not be read as an older one.
    if (!target || stored.schemaVersion > target.version) throw new UnknownEventTypeError(stored.type, stored.schemaVersion);
    let version = stored.schemaVersion;
    let data: unknown = stored.data;
    const own = this.historic.get(key(stored.type, version));
    if (own) data = parse(own, data);
    while (version < target.version) {
      const upcaster = this.upcasters.get(key(stored.type, version));
      if (!upcaster) throw new UnknownEventTypeError(stored.type, version);
      data = upcaster.upcast(data);
      version += 1;
    }
    return { type: stored.type, data: parse(target, data) };
  }

  knows(type: string): boolean {
    return this.current.has(type);
  }
}

function key(type: string, version: number): string {
  return `${type}.v${version}`;
}

function parse(definition: EventDefinition, data: unknown): unknown {
  const result = definition.schema.safeParse(data);
  if (!result.success) {
    throw new InvalidEventPayloadError(
      definition.type,
      definition.version,
      result.error.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }
  return result.data;
}
