import type {
  CalendarDate,
  CertificateLevel,
  CertificateRecorded,
  EnterpriseProfileChanged,
  EnterpriseRegistered,
  EvaluationBodyKind,
  EvaluationBodyRegistered,
  ProviderRegistered,
  SubdistrictRegistered,
} from '@skills/domain';
import type { HistoryEvent } from '@skills/platform';
import type { HistoryFold } from './history-fold';

export interface ProviderRecord {
  readonly name: string;
  readonly subdistrictId: string;
}

/** An enterprise's profile from a day on (R-ORG-1): its headcount decides R-ENT-4 (500+) and R-TGT-1's 300+. */
export interface EnterpriseProfile {
  readonly name: string;
  readonly subdistrictId: string;
  readonly headcount: number;
  readonly insured: boolean;
  /** null: the registered profile, in force from its recordedOn until the first change takes effect. */
  readonly effectiveOn: CalendarDate | null;
  /**
   * The day this profile was recorded. The registered profile's is the day the enterprise entered the registry: the
   * registration has no day of its own, so by THE RULE (report-context.ts) that day places it.
   */
  readonly recordedOn: CalendarDate;
}

export interface EvaluationBodyRecord {
  readonly name: string;
  readonly kind: EvaluationBodyKind;
  readonly subdistrictId: string;
  /** The day it was registered (recorded): no evaluation it holds counts for a target before it (THE RULE, report-context.ts). */
  readonly registeredOn: CalendarDate;
}

export interface SubdistrictRecord {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

/** A certificate as first recorded, with the level PersonHistory does not keep (R-TGT-1's high-skilled share). */
export interface CertificateLevelRecord {
  readonly labourerId: string;
  readonly type: string;
  readonly level: CertificateLevel | null;
  readonly issuedOn: CalendarDate;
}

/** The registry events this fold reads, and CertificateRecorded for the levels. */
export const REGISTRY_HISTORY_EVENT_TYPES: readonly string[] = [
  'SubdistrictRegistered',
  'ProviderRegistered',
  'EnterpriseRegistered',
  'EnterpriseProfileChanged',
  'EvaluationBodyRegistered',
  'CertificateRecorded',
];

/**
 * R-ORG-1, R-REG-5: the registry's organisations as they stood at the end of asOf (EvaluationHistory skips anything
 * recorded later), all by lower-case id. Only ids, names of organisations and figures: no person is kept here, the
 * certificates by id with their holder's id, as the simulation's own PersonHistory keeps them.
 */
export class RegistryHistory implements HistoryFold {
  readonly eventTypes = REGISTRY_HISTORY_EVENT_TYPES;
  readonly subdistricts = new Map<string, SubdistrictRecord>();
  readonly providers = new Map<string, ProviderRecord>();
  /** Every profile of an enterprise, the registered one first, then the changes in the order recorded. */
  readonly enterprises = new Map<string, EnterpriseProfile[]>();
  readonly evaluationBodies = new Map<string, EvaluationBodyRecord>();
  /** By certificate id, the first recorded standing (a repeated CertificateRecorded adds nothing, as rm_certificates). */
  readonly certificates = new Map<string, CertificateLevelRecord>();

  fold({ event, recordedOn }: HistoryEvent): void {
    switch (event.type) {
      case 'SubdistrictRegistered': {
        const { subdistrictId, code, name, nameEn } = event.data as SubdistrictRegistered['data'];
        this.subdistricts.set(subdistrictId.toLowerCase(), { code, name, nameEn });
        return;
      }
      case 'ProviderRegistered': {
        const { providerId, name, subdistrictId } = event.data as ProviderRegistered['data'];
        this.providers.set(providerId.toLowerCase(), { name, subdistrictId: subdistrictId.toLowerCase() });
        return;
      }
      case 'EnterpriseRegistered': {
        const { enterpriseId, name, subdistrictId, headcount, insured } = event.data as EnterpriseRegistered['data'];
        const id = enterpriseId.toLowerCase();
        // The decider refuses a second registration; a redelivered one changes nothing.
        if (!this.enterprises.has(id)) this.enterprises.set(id, [{ name, subdistrictId: subdistrictId.toLowerCase(), headcount, insured, effectiveOn: null, recordedOn }]);
        return;
      }
      case 'EnterpriseProfileChanged': {
        const { enterpriseId, name, subdistrictId, headcount, insured, effectiveOn } = event.data as EnterpriseProfileChanged['data'];
        this.enterprises.get(enterpriseId.toLowerCase())?.push({ name, subdistrictId: subdistrictId.toLowerCase(), headcount, insured, effectiveOn, recordedOn });
        return;
      }
      case 'EvaluationBodyRegistered': {
        const { evaluationBodyId, name, kind, subdistrictId } = event.data as EvaluationBodyRegistered['data'];
        // The decider refuses a second registration; a redelivered one keeps the first day.
        const id = evaluationBodyId.toLowerCase();
        if (!this.evaluationBodies.has(id)) this.evaluationBodies.set(id, { name, kind, subdistrictId: subdistrictId.toLowerCase(), registeredOn: recordedOn });
        return;
      }
      case 'CertificateRecorded': {
        const d = event.data as CertificateRecorded['data'];
        const id = d.certificateId.toLowerCase();
        if (!this.certificates.has(id)) this.certificates.set(id, { labourerId: d.labourerId.toLowerCase(), type: d.type, level: d.level ?? null, issuedOn: d.issuedOn });
        return;
      }
    }
  }

  /**
   * An enterprise's profile in force on `day`: the latest change effective on or before it (by its effectiveOn, a
   * later recording winning a tie), else the registered profile. undefined for an enterprise not registered, or
   * registered after `day` (THE RULE, report-context.ts: a 2021 registration is not in a closed 2020 figure).
   */
  enterpriseOn(enterpriseId: string, day: CalendarDate): EnterpriseProfile | undefined {
    const profiles = this.enterprises.get(enterpriseId.toLowerCase());
    if (!profiles || profiles[0]!.recordedOn > day) return undefined;
    let inForce = profiles[0]!;
    for (const profile of profiles.slice(1)) {
      if (profile.effectiveOn !== null && profile.effectiveOn <= day && (inForce.effectiveOn === null || profile.effectiveOn >= inForce.effectiveOn)) inForce = profile;
    }
    return inForce;
  }

  /** An evaluation body registered by the end of `day` (THE RULE, report-context.ts); undefined otherwise. */
  evaluationBodyOn(evaluationBodyId: string, day: CalendarDate): EvaluationBodyRecord | undefined {
    const body = this.evaluationBodies.get(evaluationBodyId.toLowerCase());
    return body && body.registeredOn <= day ? body : undefined;
  }

  /** The subdistrict of a registered enterprise or provider (an award's holder, an organiser), as it stood on `day`. */
  subdistrictOfUnit(unit: { readonly kind: 'ENTERPRISE' | 'PROVIDER'; readonly id: string }, day: CalendarDate): string | undefined {
    return unit.kind === 'ENTERPRISE' ? this.enterpriseOn(unit.id, day)?.subdistrictId : this.providers.get(unit.id.toLowerCase())?.subdistrictId;
  }
}
