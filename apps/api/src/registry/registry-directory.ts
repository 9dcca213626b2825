import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DomainError, subdistrictDecider, toSubdistrictStreamId, type AgeLimits, type CalendarDate } from '@skills/domain';
import { policyInForceOn, policyInForceThroughout, policyVersionOf, type PolicyDocument } from '@skills/policy';
import { decideAndAppend, deterministicUuid, newEnvelope, type PolicyCatalogue, type System } from '@skills/platform';

export interface SubdistrictEntry {
  readonly subdistrictId: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

export const DEFAULT_TASK_TABLE = path.resolve(__dirname, '../../../../data/task-table/JCCQ-2020-12.csv');

/**
 * What registry commands look up: the subdistricts of the task table (R-REG-5, loaded from a data file and
 * recorded as events) and the policy versions in force (the system's catalogue: shipped and published, kept current).
 */
export class RegistryDirectory {
  private constructor(
    private readonly subdistricts: readonly SubdistrictEntry[],
    private readonly policies: Pick<PolicyCatalogue, 'documents'>,
  ) {}

  /** Reads the task table and makes sure each of its units is registered (idempotent: safe at every boot). */
  static async load(system: System, taskTableFile = DEFAULT_TASK_TABLE): Promise<RegistryDirectory> {
    const units = readTaskTableUnits(taskTableFile);
    for (const unit of units) {
      await decideAndAppend({
        store: system.store,
        catalogue: system.catalogue,
        decider: subdistrictDecider,
        streamId: toSubdistrictStreamId(unit.subdistrictId),
        command: { type: 'RegisterSubdistrict', ...unit, context: { actor: 'system', now: new Date().toISOString() } },
        // A key of its own per unit: the seed runs at every boot and is a no-op after the first.
        envelope: newEnvelope('system', deterministicUuid('seed', 'subdistrict', unit.code), deterministicUuid('seed', 'subdistrict', unit.code)),
      });
    }
    return new RegistryDirectory(units, system.policies);
  }

  subdistrictIds(): ReadonlySet<string> {
    return new Set(this.subdistricts.map((s) => s.subdistrictId));
  }

  subdistrictList(): readonly SubdistrictEntry[] {
    return this.subdistricts;
  }

  subdistrictNames(): string[] {
    return this.subdistricts.map((s) => s.name);
  }

  /** By id, code, Chinese or English name: clerks' sheets use any of them. */
  findSubdistrict(text: string): string | undefined {
    const wanted = text.trim();
    if (wanted === '') return undefined;
    return this.subdistricts.find((s) => [s.subdistrictId, s.code, s.name, s.nameEn].some((v) => v.toLowerCase() === wanted.toLowerCase()))?.subdistrictId;
  }

  /** The policy in force on a date; a date before any policy is a broken rule of the input, named as such. */
  policyOn(date: CalendarDate, field = 'registeredOn'): PolicyDocument {
    const documents = this.policies.documents();
    try {
      return policyInForceOn(documents, date);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'POLICY.NONE_IN_FORCE') throw error;
      const first = [...documents].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
      if (first && date >= first.effectiveFrom) {
        throw new DomainError('POLICY.NONE_IN_FORCE', `No policy version is in force on ${date}: GET /api/policies shows which version holds when`, 'rule', { date }, [
          { field, message: 'must be a day on which a policy version is in force' },
        ]);
      }
      throw new DomainError('POLICY.NONE_IN_FORCE', `No policy was in force on ${date}: the programme starts on ${first?.effectiveFrom}`, 'rule', { date }, [
        { field, message: `must be on or after ${first?.effectiveFrom}` },
      ]);
    }
  }

  /** The one version in force on every day of [from, to] (R-REG-3 pays a period at one version's rate). */
  policyThroughout(from: CalendarDate, to: CalendarDate): PolicyDocument {
    this.policyOn(from, 'from');
    return policyInForceThroughout(this.policies.documents(), from, to);
  }

  ageLimitsOn(date: CalendarDate): AgeLimits {
    const { minAge, maxAge } = this.policyOn(date).parameters.registration;
    return { minAge, maxAge };
  }

  policyVersionOn(date: CalendarDate, field?: string): string {
    return policyVersionOf(this.policyOn(date, field));
  }

  /**
   * The version a fact dated `date` is recorded under: the one in force that day, or the programme's first version
   * for a day before the programme began. R-TGT-2 counts certificates from 2020-08, months before the first version
   * takes effect (2020-12-03), so such a certificate must be recordable; it pays nothing by itself, and every claim
   * checks its own days against its own version.
   */
  recordingPolicyVersionOn(date: CalendarDate, field: string): string {
    const first = [...this.policies.documents()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
    return this.policyVersionOn(first && date < first.effectiveFrom ? first.effectiveFrom : date, field);
  }
}

/** The units of a task table; the district's own line (level DISTRICT) is not a unit. */
export function readTaskTableUnits(file: string): SubdistrictEntry[] {
  const rows = parse(readFileSync(file), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows
    .filter((row) => row['level'] === 'UNIT')
    .map((row) => ({ subdistrictId: deterministicUuid('subdistrict', row['code']!), code: row['code']!, name: row['name']!, nameEn: row['name_en']! }));
}
