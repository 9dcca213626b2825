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
  /** Per current type: how a stored row of that version may skip the parse (null: it may not; see storedAsIs). */
  private readonly trust = new Map<string, StoredTrust | null>();

  register(...definitions: EventDefinition[]): this {
    this.trust.clear(); // a newer version may replace a current one
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

  /**
   * Issue 7 (speed): deserialise for a read-only pass that re-reads rows this code's serialise() wrote. A row at the
   * current version was parsed by this very schema at append (every writer appends catalogue.serialise() output), and
   * parsing that output again yields the same value: so its stored data is returned as is, without zod. Older versions
   * are upcast and parsed as in deserialise, newer or unknown types are refused as there. A type whose schema could
   * still change parsed output (a transform, a catch, a default nested where its absence cannot be seen cheaply) is
   * always parsed; a top-level default is parsed only when the row lacks that field (written before the field had a
   * default, or by hand), so the fold never sees a value the full parse would have filled in. Commands, deciders and
   * the policy simulation keep deserialise: this trusts the store's bytes, which only a report that re-reads them may.
   */
  deserialiseStored(stored: SerialisedEvent): DomainEvent {
    const trust = this.trustOf(stored.type);
    if (trust === null || stored.schemaVersion !== trust.version || !isPlainObject(stored.data)) return this.deserialise(stored);
    for (const field of trust.defaulted) if (!Object.hasOwn(stored.data, field)) return this.deserialise(stored);
    return { type: stored.type, data: stored.data };
  }

  knows(type: string): boolean {
    return this.current.has(type);
  }

  /** null for an unknown type too: deserialise then refuses it. */
  private trustOf(type: string): StoredTrust | null {
    let trust = this.trust.get(type);
    if (trust === undefined) {
      const definition = this.current.get(type);
      trust = definition ? storedTrustOf(definition) : null;
      // Only known types are kept: stored rows name a bounded set of types, but an unknown one is not worth a slot.
      if (definition) this.trust.set(type, trust);
    }
    return trust;
  }
}

interface StoredTrust {
  /** The current version: only rows at it are trusted. */
  readonly version: number;
  /** Top-level fields with a default: a row without one is parsed, to fill it in. */
  readonly defaulted: readonly string[];
}

interface SchemaDef {
  readonly type: string;
  readonly [field: string]: unknown;
}

const defOf = (schema: unknown): SchemaDef => (schema as { _zod: { def: SchemaDef } })._zod.def;

/**
 * Whether parsing serialise() output again returns it unchanged, read from the zod 4 schema tree. Only kinds known
 * to validate without rewriting are trusted; anything else (pipe/transform, catch, prefault, lazy, a kind added later)
 * keeps the full parse. String `overwrite` checks are trusted: the schemas use them only for trim(), which is
 * idempotent, and has been in each field's schema since the field was added (so no current-version row is untrimmed).
 */
function storedTrustOf(definition: EventDefinition): StoredTrust | null {
  const def = defOf(definition.schema);
  if (def.type !== 'object') return null;
  const defaulted: string[] = [];
  for (const [field, value] of Object.entries(def['shape'] as Record<string, unknown>)) {
    const fieldDef = defOf(value);
    if (fieldDef.type === 'default') {
      if (!rewritesNothing(fieldDef['innerType'])) return null;
      defaulted.push(field);
    } else if (!rewritesNothing(value)) return null;
  }
  return { version: definition.version, defaulted };
}

const LEAVES = new Set(['string', 'number', 'boolean', 'null', 'literal', 'enum', 'int', 'bigint']);

function rewritesNothing(schema: unknown): boolean {
  const def = defOf(schema);
  if (LEAVES.has(def.type)) return true;
  switch (def.type) {
    case 'object':
      // A non-strict object strips unknown keys: serialise() output has none left to strip.
      return Object.values(def['shape'] as Record<string, unknown>).every(rewritesNothing);
    case 'array':
      return rewritesNothing(def['element']);
    case 'optional':
    case 'nullable':
      return rewritesNothing(def['innerType']);
    case 'union':
      return (def['options'] as unknown[]).every(rewritesNothing);
    case 'record':
      return rewritesNothing(def['keyType']) && rewritesNothing(def['valueType']);
    case 'tuple':
      return (def['items'] as unknown[]).every(rewritesNothing) && (def['rest'] === null || def['rest'] === undefined || rewritesNothing(def['rest']));
    default:
      return false;
  }
}

function isPlainObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
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
