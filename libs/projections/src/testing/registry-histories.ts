import { randomBytes, randomUUID } from 'node:crypto';
import {
  CATEGORY,
  FLAG,
  KEY_GROUP,
  toEnterpriseStreamId,
  toEvaluationBodyStreamId,
  toLabourerIdentityStreamId,
  toLabourerStreamId,
  toProviderStreamId,
  toSubdistrictStreamId,
  type EventCatalogue,
} from '@skills/domain';
import type { EventStore, EventToAppend, StreamAppend } from '@skills/event-store';

/** One appendMany; a history is a list of them that must be appended in order (one aggregate's life). */
export type Step = readonly StreamAppend[];
export type History = readonly Step[];

export interface ExpectedLabourer {
  readonly keyGroups: readonly string[];
  readonly flags: readonly string[];
  readonly insuranceMonths: number;
  readonly erasedOn: string | null;
}

export interface ExpectedOrganisation {
  readonly kind: string;
  readonly name: string;
  readonly headcount: number | null;
  readonly qualificationNumber: string | null;
}

/** A seeded generator (mulberry32), so that a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds valid registry histories (every payload goes through the catalogue's schemas, as at append) and keeps
 * what the read models must hold once all of them are appended, whatever the order the histories interleave in.
 */
export class RegistryHistories {
  readonly labourers = new Map<string, ExpectedLabourer>();
  readonly organisations = new Map<string, ExpectedOrganisation>();
  events = 0;
  private readonly subdistrictIds: string[] = [];

  constructor(
    private readonly catalogue: EventCatalogue,
    private readonly random: () => number = Math.random,
  ) {}

  /** `labourers` labourer histories with the organisations around them (one organisation per ~8 labourers). */
  mixed(labourers: number): History[] {
    const histories: History[] = [];
    if (this.subdistrictIds.length === 0) for (let i = 0; i < 4; i++) histories.push(this.subdistrict());
    for (let i = 0; i < labourers; i++) {
      histories.push(this.labourer());
      if (i % 8 === 0) histories.push([this.provider, this.enterprise, this.evaluationBody][(i / 8) % 3]!.call(this));
    }
    return histories;
  }

  subdistrict(): History {
    const id = randomUUID();
    const n = this.subdistrictIds.push(id);
    const name = `Subdistrict ${n}`;
    this.organisations.set(id, { kind: 'SUBDISTRICT', name, headcount: null, qualificationNumber: null });
    const data = { subdistrictId: id, code: `SD_${n}`, name, nameEn: name };
    return [[{ streamId: toSubdistrictStreamId(id), expectedVersion: 'no_stream', events: [this.event('SubdistrictRegistered', data)] }]];
  }

  labourer(): History {
    const labourerId = randomUUID();
    const fingerprint = randomBytes(32).toString('hex');
    const streamId = toLabourerStreamId(labourerId);
    let state: ExpectedLabourer = { keyGroups: this.some(KEY_GROUP.options), flags: this.some(FLAG.options), insuranceMonths: this.int(0, 24), erasedOn: null };
    const registered = this.event('LabourerRegistered', {
      labourerId,
      fingerprint,
      category: this.pick(CATEGORY.options),
      keyGroups: state.keyGroups,
      flags: state.flags,
      insuranceMonths: state.insuranceMonths,
      subdistrictId: this.pick(this.subdistrictIds),
      registeringUnit: { kind: 'SUBDISTRICT', id: this.pick(this.subdistrictIds) },
      registeredOn: this.date(2021),
    });
    const history: Step[] = [
      [
        { streamId: toLabourerIdentityStreamId(fingerprint), expectedVersion: 'no_stream', events: [this.event('LabourerIdentityClaimed', { labourerId })] },
        { streamId, expectedVersion: 'no_stream', events: [registered] },
      ],
    ];
    for (let i = this.int(0, 2); i > 0; i--) {
      state = { keyGroups: this.some(KEY_GROUP.options), flags: this.some(FLAG.options), insuranceMonths: this.int(0, 36), erasedOn: null };
      const { erasedOn: _, ...change } = state;
      history.push([{ streamId, expectedVersion: history.length, events: [this.event('LabourerGroupsChanged', { labourerId, ...change, reason: 'CIRCUMSTANCES_CHANGED' })] }]);
    }
    if (this.random() < 0.25) {
      state = { ...state, erasedOn: this.date(2022) };
      history.push([{ streamId, expectedVersion: history.length, events: [this.event('LabourerErased', { labourerId, erasedOn: state.erasedOn })] }]);
    }
    this.labourers.set(labourerId, state);
    return history;
  }

  provider(): History {
    const providerId = randomUUID();
    const streamId = toProviderStreamId(providerId);
    const qualification = () => ({ number: `Q-${this.int(1000, 9999)}-${this.int(0, 99)}`, validFrom: this.date(2020), expiresOn: this.date(2023) });
    let q = qualification();
    const name = `Provider ${providerId.slice(0, 8)}`;
    const history: Step[] = [
      [{ streamId, expectedVersion: 'no_stream', events: [this.event('ProviderRegistered', { providerId, name, kind: 'TRAINING_INSTITUTION', subdistrictId: this.pick(this.subdistrictIds), qualification: q })] }],
    ];
    for (let i = this.int(0, 2); i > 0; i--) {
      q = qualification();
      history.push([{ streamId, expectedVersion: history.length, events: [this.event('ProviderQualificationRenewed', { providerId, qualification: q })] }]);
    }
    this.organisations.set(providerId, { kind: 'PROVIDER', name, headcount: null, qualificationNumber: q.number });
    return history;
  }

  enterprise(): History {
    const enterpriseId = randomUUID();
    const streamId = toEnterpriseStreamId(enterpriseId);
    const profile = () => ({ name: `Enterprise ${this.int(1, 99999)}`, subdistrictId: this.pick(this.subdistrictIds), headcount: this.int(1, 2000), insured: this.random() < 0.5 });
    let p = profile();
    const history: Step[] = [[{ streamId, expectedVersion: 'no_stream', events: [this.event('EnterpriseRegistered', { enterpriseId, ...p })] }]];
    for (let i = this.int(0, 2); i > 0; i--) {
      p = profile();
      history.push([{ streamId, expectedVersion: history.length, events: [this.event('EnterpriseProfileChanged', { enterpriseId, ...p, effectiveOn: this.date(2021) })] }]);
    }
    this.organisations.set(enterpriseId, { kind: 'ENTERPRISE', name: p.name, headcount: p.headcount, qualificationNumber: null });
    return history;
  }

  evaluationBody(): History {
    const evaluationBodyId = randomUUID();
    const name = `Evaluation body ${evaluationBodyId.slice(0, 8)}`;
    this.organisations.set(evaluationBodyId, { kind: 'EVALUATION_BODY', name, headcount: null, qualificationNumber: null });
    const data = { evaluationBodyId, name, kind: 'SOCIAL_ORGANISATION', subdistrictId: this.pick(this.subdistrictIds) };
    return [[{ streamId: toEvaluationBodyStreamId(evaluationBodyId), expectedVersion: 'no_stream', events: [this.event('EvaluationBodyRegistered', data)] }]];
  }

  private event(type: string, data: Record<string, unknown>): EventToAppend {
    const serialised = this.catalogue.serialise({ type, data });
    this.events += 1;
    const metadata = { actor: 'projection-test', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() };
    return { eventId: randomUUID(), type: serialised.type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata };
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  private some<T>(items: readonly T[]): T[] {
    return items.filter(() => this.random() < 0.3);
  }

  private date(year: number): string {
    return `${year}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`;
  }
}

/** Appends histories with `writers` concurrent writers; each history's steps go in order, histories interleave. */
export async function appendHistories(store: EventStore, histories: readonly History[], writers = 4): Promise<void> {
  const queue = [...histories];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let history = queue.shift(); history; history = queue.shift()) {
        for (const step of history) await store.appendMany(step);
      }
    }),
  );
}
