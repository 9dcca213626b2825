/**
 * A generated district for benchmarks and demos: 8 subdistricts, 200 providers and 20,000 free-training cohorts
 * (scale 1.0) with their labourers, enrolments, attendance, withdrawals, assessments, certificates and employment,
 * as the StreamAppend batches the system itself would have written, in a plausible order.
 *
 * Seeded and repeatable: the same options give the same events, ids included (every id, fingerprint and key comes
 * from the seeded PRNG, never from crypto or the clock). Streaming: batches are produced one at a time and only a
 * few waves of cohorts are held in memory, so a district of millions of events needs some tens of MiB.
 *
 * Every event goes through createEventCatalogue().serialise, so a schema change that the generator does not follow
 * fails here, not in the database. No personal data: people are UUIDs, ID-number fingerprints and certificate-number
 * keys are random hex, organisation names are made up.
 *
 * Order: cohorts start in date order, in waves of `waveSize`. Each wave is planned and enrolled; the next step starts
 * the previous wave, the one after that completes and assesses the wave before, then certificates, then employment
 * (a pipeline five waves deep), so one batch holds one phase of one wave and later phases follow earlier ones.
 */
import {
  createEventCatalogue,
  toAssessmentStreamId,
  toAttendanceStreamId,
  toCertificateNumberStreamId,
  toCertificateStreamId,
  toCohortStreamId,
  toEmploymentStreamId,
  toFreeTrainingLedgerStreamId,
  toLabourerIdentityStreamId,
  toLabourerStreamId,
  toProviderStreamId,
  toSubdistrictStreamId,
  type EventCatalogue,
  type ProgrammeType,
} from '@skills/domain';
import type { EventToAppend, ExpectedVersion, StreamAppend } from '@skills/event-store';

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------------------------

/** sfc32 seeded through cyrb128: fast, 128-bit state, good enough for test data (not for secrets). */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string | number) {
    let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762; // prettier-ignore
    const text = String(seed);
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
    this.b = (h2 ^ h1) >>> 0;
    this.c = (h3 ^ h1) >>> 0;
    this.d = (h4 ^ h1) >>> 0;
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.uint32() / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  }

  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i += 4) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, bytes * 2);
  }

  /** A version-4 UUID from this generator (repeatable, unlike crypto.randomUUID). */
  uuid(): string {
    const h = this.hex(16);
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar (UTC days as ISO dates)
// ---------------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isWeekday = (day: number): boolean => {
  const dow = new Date(day * DAY_MS).getUTCDay();
  return dow !== 0 && dow !== 6;
};
/** `count` consecutive weekdays from `first` (moved forward to a weekday). */
function trainingDays(first: number, count: number): number[] {
  const days: number[] = [];
  for (let d = first; days.length < count; d++) if (isWeekday(d)) days.push(d);
  return days;
}

// ---------------------------------------------------------------------------------------------------------------
// Options and vocabulary of the district
// ---------------------------------------------------------------------------------------------------------------

export interface DistrictOptions {
  /** Same seed, same district (ids included). */
  readonly seed?: string | number;
  /** 1.0: 20,000 cohorts: 2,898,212 events with the default seed and attendance. Cohorts scale; subdistricts and providers do not. */
  readonly scale?: number;
  /** Overrides the scaled number of cohorts. */
  readonly cohorts?: number;
  readonly subdistricts?: number;
  readonly providers?: number;
  /** Cohorts per wave (one batch holds one phase of one wave). */
  readonly waveSize?: number;
  /**
   * 'withdrawals' (default): attendance days of trainees who later withdrew (what the R-GATE base reads);
   * 'full': every trainee's every attended day (about 200 more events per cohort).
   */
  readonly attendance?: 'withdrawals' | 'full';
  /** First planned start; cohorts spread over `years` from it. */
  readonly firstStartOn?: string;
  readonly years?: number;
  /** Share of enrolments that are of a labourer trained before (registered earlier). */
  readonly returningShare?: number;
  readonly catalogue?: EventCatalogue;
}

export const DEFAULT_SEED = 'skills-claims-district-1';
export const COHORTS_AT_SCALE_1 = 20_000;

export interface DistrictBatch {
  /** registry, setup, run, completion, certificates, employment */
  readonly phase: Phase;
  readonly wave: number;
  readonly appends: StreamAppend[];
  readonly events: number;
}

type Phase = 'registry' | 'setup' | 'run' | 'completion' | 'certificates' | 'employment';

const SUBDISTRICT_CODES = ['NANCUN', 'BEIGUAN', 'DONGCHENG', 'XIHU', 'SHIQIAO', 'HEPING', 'QINGSHAN', 'LIANHUA', 'JINSHUI', 'FENGTAI', 'YUNHE', 'TAOYUAN'];
const SUBDISTRICT_NAMES = ['南村街道', '北关街道', '东城街道', '西湖街道', '石桥镇', '和平街道', '青山镇', '莲花街道', '金水街道', '丰台镇', '运河街道', '桃园镇'];

/** Programme mix of a district, with its employment rate among completers (order-based training is for a job). */
const PROGRAMMES: readonly { type: ProgrammeType; weight: number; employment: number; days: [number, number]; certificate: number }[] = [
  { type: 'GENERAL', weight: 34, employment: 0.35, days: [10, 20], certificate: 0.7 },
  { type: 'ORDER_BASED', weight: 15, employment: 0.88, days: [10, 25], certificate: 0.7 },
  { type: 'MENU_BASED', weight: 12, employment: 0.6, days: [10, 20], certificate: 0.68 },
  { type: 'PROJECT_BASED', weight: 12, employment: 0.7, days: [15, 30], certificate: 0.72 },
  { type: 'LABOUR_PREPARATION', weight: 10, employment: 0.4, days: [20, 40], certificate: 0.66 },
  { type: 'ENTREPRENEURSHIP', weight: 11, employment: 0.25, days: [10, 15], certificate: 0.45 },
  { type: 'COLLEGE_ENTREPRENEURSHIP', weight: 6, employment: 0.2, days: [8, 12], certificate: 0.4 },
];
const EMPLOYMENT_ORIENTED = new Set<ProgrammeType>(['ORDER_BASED', 'MENU_BASED', 'PROJECT_BASED']);

const OCCUPATIONS = ['电工', '焊工', '育婴员', '养老护理员', '中式烹调师', '中式面点师', '美容师', '美发师', '电子商务师', '保安员', '家政服务员', '汽车维修工', '叉车司机', '茶艺师', '保健按摩师', '农业技术员'];
const ISSUERS = ['市职业技能鉴定指导中心', '市第一职业技能等级认定站', '某评价机构', '市应急管理局', '省人力资源社会保障厅'];
const EMPLOYERS = ['城南物流有限公司', '东方家政服务公司', '金水酒店管理有限公司', '青山机械制造厂', '莲花养老服务中心', '运河电子商务产业园', '和平建筑安装公司'];
const EARLY_REASONS = ['NEVER_ATTENDED', 'ENROLLED_IN_ERROR', 'PERSONAL_CIRCUMSTANCES'] as const;
const LATE_REASONS = ['FOUND_EMPLOYMENT', 'HEALTH', 'MOVED_AWAY', 'PERSONAL_CIRCUMSTANCES'] as const;
const CATEGORIES = [
  ['RURAL_LABOURER', 45],
  ['URBAN_LABOURER', 35],
  ['POOR_LABOURER', 8],
  ['GRADUATING_STUDENT', 12],
] as const;

// ---------------------------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------------------------

interface Trainee {
  readonly labourerId: string;
  /** Index into the cohort's training days of the withdrawal day; undefined: stayed to the end. */
  readonly withdrawAt?: number;
  readonly withdrawReason?: string;
  readonly passed: boolean;
}

interface Cohort {
  readonly cohortId: string;
  readonly providerId: string;
  readonly subdistrict: number;
  readonly programme: (typeof PROGRAMMES)[number];
  readonly occupation: string;
  readonly level: 'JUNIOR' | 'INTERMEDIATE';
  readonly days: number[];
  readonly trainees: Trainee[];
  version: number;
}

interface Provider {
  readonly providerId: string;
  readonly subdistrict: number;
  /** Pass rate the provider's cohorts centre on. */
  readonly passRate: number;
}

/** Counts of a generated district (known only after generating it; `estimateEvents` tells before). */
export function estimateEvents(options: DistrictOptions = {}): number {
  const cohorts = cohortCount(options);
  return Math.round(cohorts * (options.attendance === 'full' ? 360 : 145)) + 8 + (options.providers ?? 200);
}

export function cohortCount(options: DistrictOptions = {}): number {
  return options.cohorts ?? Math.max(1, Math.round(COHORTS_AT_SCALE_1 * (options.scale ?? 1)));
}

/** The district as batches of appends, in order. Each stream's expected version is exact (or no_stream). */
export function* generateDistrict(options: DistrictOptions = {}): Generator<DistrictBatch> {
  const rng = new Prng(options.seed ?? DEFAULT_SEED);
  const catalogue = options.catalogue ?? createEventCatalogue();
  const cohorts = cohortCount(options);
  const waveSize = options.waveSize ?? 50;
  const firstStart = toDay(options.firstStartOn ?? '2021-03-01');
  const spanDays = Math.round(365 * (options.years ?? 2));
  const returningShare = options.returningShare ?? 0.45;
  const fullAttendance = options.attendance === 'full';
  const actors = Array.from({ length: 12 }, () => rng.uuid()); // bureau clerks' and providers' account ids
  const reviewers = actors.slice(0, 4);

  let correlation = '';
  let causation: string | null = null;
  const newCommand = (): void => {
    correlation = rng.uuid();
    causation = null;
  };
  const event = (type: string, data: Record<string, unknown>, on: number): EventToAppend => {
    const serialised = catalogue.serialise({ type, data });
    const eventId = rng.uuid();
    const metadata = {
      actor: actors[rng.uint32() % actors.length]!,
      correlationId: correlation,
      causationId: causation,
      occurredAt: new Date(on * DAY_MS + 1_800_000 + (rng.uint32() % 30_000_000)).toISOString(),
      policyVersion: 'JCCQ-2020-12@1',
    };
    causation = eventId;
    return { eventId, type: serialised.type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata };
  };
  const batch = (phase: Phase, wave: number, appends: StreamAppend[]): DistrictBatch => ({
    phase,
    wave,
    appends,
    events: appends.reduce((n, a) => n + a.events.length, 0),
  });

  // Registry: subdistricts, then providers spread over them.
  const subdistrictIds: string[] = [];
  const registry: StreamAppend[] = [];
  const subdistrictCount = Math.min(options.subdistricts ?? 8, SUBDISTRICT_CODES.length);
  for (let s = 0; s < subdistrictCount; s++) {
    const subdistrictId = rng.uuid();
    subdistrictIds.push(subdistrictId);
    newCommand();
    registry.push({
      streamId: toSubdistrictStreamId(subdistrictId),
      expectedVersion: 'no_stream',
      events: [event('SubdistrictRegistered', { subdistrictId, code: SUBDISTRICT_CODES[s]!, name: SUBDISTRICT_NAMES[s]!, nameEn: `${SUBDISTRICT_CODES[s]} subdistrict` }, firstStart - 400)],
    });
  }
  const providers: Provider[] = [];
  for (let p = 0; p < (options.providers ?? 200); p++) {
    const providerId = rng.uuid();
    const subdistrict = p % subdistrictCount;
    // Most providers pass nearly everyone; some are middling, a few weak.
    const quality = rng.weighted([['good', 78], ['middling', 16], ['weak', 6]] as const);
    const passRate = quality === 'good' ? rng.between(0.93, 0.995) : quality === 'middling' ? rng.between(0.8, 0.9) : rng.between(0.5, 0.72);
    providers.push({ providerId, subdistrict, passRate });
    newCommand();
    const validFrom = firstStart - rng.int(200, 1500);
    registry.push({
      streamId: toProviderStreamId(providerId),
      expectedVersion: 'no_stream',
      events: [
        event(
          'ProviderRegistered',
          {
            providerId,
            name: `${SUBDISTRICT_NAMES[subdistrict]}第${p + 1}职业培训学校`,
            kind: rng.chance(0.2) ? 'VOCATIONAL_COLLEGE' : 'TRAINING_INSTITUTION',
            subdistrictId: subdistrictIds[subdistrict]!,
            qualification: { number: `PX-${String(p + 1).padStart(4, '0')}`, validFrom: isoOf(validFrom), expiresOn: isoOf(validFrom + 365 * 6) },
          },
          firstStart - 300,
        ),
      ],
    });
  }
  yield batch('registry', -1, registry);

  // Labourers who finished a training and may enrol again, per subdistrict; their ledger stream versions.
  const returning: string[][] = subdistrictIds.map(() => []);
  const ledgerVersion = new Map<string, number>();
  const PIPELINE: readonly Phase[] = ['setup', 'run', 'completion', 'certificates', 'employment'];
  const inFlight: Cohort[][] = [];
  const waves = Math.ceil(cohorts / waveSize);

  for (let step = 0; step < waves + PIPELINE.length - 1; step++) {
    if (step < waves) {
      const count = Math.min(waveSize, cohorts - step * waveSize);
      const wave: Cohort[] = [];
      const appends: StreamAppend[] = [];
      for (let i = 0; i < count; i++) wave.push(planCohort(step * waveSize + i, appends));
      inFlight.unshift(wave);
      yield batch('setup', step, appends);
    } else {
      inFlight.unshift([]); // draining: the older waves still move on
    }
    // Older waves move on one phase each step (newest first in inFlight; index = phase).
    for (let phase = 1; phase < PIPELINE.length; phase++) {
      const wave = inFlight[phase];
      const waveIndex = step - phase;
      if (!wave || wave.length === 0 || waveIndex < 0 || waveIndex >= waves) continue;
      const appends: StreamAppend[] = [];
      for (const cohort of wave) {
        if (phase === 1) runCohort(cohort, appends);
        else if (phase === 2) completeCohort(cohort, appends);
        else if (phase === 3) certify(cohort, appends);
        else employ(cohort, appends);
      }
      yield batch(PIPELINE[phase]!, waveIndex, appends);
    }
    if (inFlight.length >= PIPELINE.length) {
      // Their outcomes are recorded: these people may enrol again.
      for (const cohort of inFlight.pop()!) for (const t of cohort.trainees) returning[cohort.subdistrict]!.push(t.labourerId);
    }
  }

  function planCohort(index: number, appends: StreamAppend[]): Cohort {
    const provider = providers[rng.uint32() % providers.length]!;
    const programme = rng.weighted(PROGRAMMES.map((p) => [p, p.weight] as const));
    const start = firstStart + Math.floor((index / cohorts) * spanDays);
    const days = trainingDays(start, rng.int(programme.days[0], programme.days[1]));
    const capacity = rng.int(20, 30);
    const enrolled = rng.chance(0.85) ? 20 : rng.int(15, 19);
    // Most cohorts sit near their provider's pass rate; one in ten has a bad run.
    const passRate = Math.min(0.995, provider.passRate * (rng.chance(0.1) ? rng.between(0.6, 0.9) : 1));
    const trainees: Trainee[] = [];
    const withdrawalRate = rng.chance(0.7) ? 0.03 : 0.12;
    const pool = returning[provider.subdistrict]!;
    for (let t = 0; t < enrolled; t++) {
      let labourerId: string;
      if (pool.length > 0 && rng.chance(returningShare)) {
        const k = rng.uint32() % pool.length;
        labourerId = pool[k]!;
        pool[k] = pool[pool.length - 1]!;
        pool.pop();
      } else {
        labourerId = rng.uuid();
      }
      let withdrawAt: number | undefined;
      let withdrawReason: string | undefined;
      if (rng.chance(withdrawalRate)) {
        const early = rng.chance(0.55);
        const cut = Math.max(1, Math.floor(days.length * 0.2));
        withdrawAt = early ? rng.int(0, cut - 1) : rng.int(cut, days.length - 1);
        withdrawReason = rng.pick(early ? EARLY_REASONS : LATE_REASONS);
      }
      trainees.push({ labourerId, passed: withdrawAt === undefined && rng.chance(passRate), ...(withdrawAt === undefined ? {} : { withdrawAt, withdrawReason }) });
    }
    const cohort: Cohort = {
      cohortId: rng.uuid(),
      providerId: provider.providerId,
      subdistrict: provider.subdistrict,
      programme,
      occupation: rng.pick(OCCUPATIONS),
      level: rng.chance(0.8) ? 'JUNIOR' : 'INTERMEDIATE',
      days,
      trainees,
      version: 0,
    };
    const plannedOn = start - rng.int(20, 40);
    const approvedOn = plannedOn + rng.int(3, 10);
    const amount = EMPLOYMENT_ORIENTED.has(programme.type) ? rng.int(12, 30) * 10_000 : null;

    // Newcomers register first (a card and the reservation of its ID-number fingerprint, one atomic append).
    for (const t of trainees) {
      if (ledgerVersion.has(t.labourerId)) continue;
      const fingerprint = rng.hex(32);
      const registeredOn = plannedOn - rng.int(1, 200);
      newCommand();
      const registered = event(
        'LabourerRegistered',
        {
          labourerId: t.labourerId,
          fingerprint,
          category: rng.weighted(CATEGORIES),
          keyGroups: rng.chance(0.3) ? ['RURAL_MIGRANT'] : [],
          flags: rng.chance(0.1) ? ['ZERO_EMPLOYMENT_FAMILY'] : [],
          insuranceMonths: rng.int(0, 36),
          subdistrictId: subdistrictIds[provider.subdistrict]!,
          registeringUnit: { kind: 'PROVIDER', id: provider.providerId },
          registeredOn: isoOf(registeredOn),
        },
        registeredOn,
      );
      appends.push({ streamId: toLabourerStreamId(t.labourerId), expectedVersion: 'no_stream', events: [registered] });
      appends.push({
        streamId: toLabourerIdentityStreamId(fingerprint),
        expectedVersion: 'no_stream',
        events: [event('LabourerIdentityClaimed', { labourerId: t.labourerId }, registeredOn)],
      });
      ledgerVersion.set(t.labourerId, 0);
    }

    newCommand();
    const cohortEvents: EventToAppend[] = [
      event(
        'CohortPlanned',
        {
          cohortId: cohort.cohortId,
          providerId: provider.providerId,
          programmeType: programme.type,
          occupation: cohort.occupation,
          level: cohort.level,
          plannedStartOn: isoOf(days[0]!),
          plannedEndOn: isoOf(days[days.length - 1]!),
          plannedDays: days.length,
          capacity,
          requestedPerPersonAmountFen: amount,
          plannedOn: isoOf(plannedOn),
        },
        plannedOn,
      ),
    ];
    newCommand();
    cohortEvents.push(event('CohortApproved', { cohortId: cohort.cohortId, approvedOn: isoOf(approvedOn), approvedPerPersonAmountFen: amount }, approvedOn));
    for (const t of trainees) {
      const enrolledOn = approvedOn + rng.int(1, Math.max(1, days[0]! - approvedOn - 1));
      newCommand();
      cohortEvents.push(event('TraineeEnrolled', { cohortId: cohort.cohortId, labourerId: t.labourerId, enrolledOn: isoOf(enrolledOn) }, enrolledOn));
      // The enrolment reserves one of the person's free trainings (R-FREE-2), in the same command.
      const ledger = toFreeTrainingLedgerStreamId(t.labourerId);
      const version = ledgerVersion.get(t.labourerId)!;
      appends.push({
        streamId: ledger,
        expectedVersion: version === 0 ? 'no_stream' : version,
        events: [
          event(
            'FreeTrainingReserved',
            { labourerId: t.labourerId, cohortId: cohort.cohortId, occupation: cohort.occupation, level: cohort.level, startsOn: isoOf(days[0]!), reservedOn: isoOf(enrolledOn) },
            enrolledOn,
          ),
        ],
      });
      ledgerVersion.set(t.labourerId, version + 1);
    }
    appends.push(cohortAppend(cohort, cohortEvents));
    return cohort;
  }

  function runCohort(cohort: Cohort, appends: StreamAppend[]): void {
    const { cohortId, days } = cohort;
    newCommand();
    const events = [event('CohortStarted', { cohortId, startedOn: isoOf(days[0]!) }, days[0]!)];
    for (const t of cohort.trainees) {
      const last = t.withdrawAt ?? days.length;
      if (fullAttendance || t.withdrawAt !== undefined) {
        // One stream per trainee and cohort; a day missed now and then (3%).
        const attended = days.slice(0, last).filter(() => !rng.chance(0.03));
        if (attended.length > 0) {
          newCommand();
          appends.push({
            streamId: toAttendanceStreamId(cohortId, t.labourerId),
            expectedVersion: 'no_stream',
            events: attended.map((d) => event('AttendanceRecorded', { cohortId, labourerId: t.labourerId, day: isoOf(d) }, d)),
          });
        }
      }
      if (t.withdrawAt !== undefined) {
        newCommand();
        const on = days[t.withdrawAt]!;
        events.push(event('TraineeWithdrawn', { cohortId, labourerId: t.labourerId, withdrawnOn: isoOf(on), reason: t.withdrawReason }, on));
      }
    }
    appends.push(cohortAppend(cohort, events));
  }

  function completeCohort(cohort: Cohort, appends: StreamAppend[]): void {
    const { cohortId, days } = cohort;
    const end = days[days.length - 1]!;
    newCommand();
    appends.push(cohortAppend(cohort, [event('CohortCompleted', { cohortId, completedOn: isoOf(end) }, end)]));
    for (const t of cohort.trainees) {
      if (t.withdrawAt !== undefined) continue;
      newCommand();
      // One in three hundred results is entered wrong and corrected a few days later.
      const mistyped = rng.chance(1 / 300);
      const recorded = mistyped ? !t.passed : t.passed;
      const events = [event('FinalAssessmentRecorded', { cohortId, labourerId: t.labourerId, result: recorded ? 'PASS' : 'FAIL', assessedOn: isoOf(end) }, end)];
      if (mistyped) {
        newCommand();
        events.push(
          event(
            'FinalAssessmentCorrected',
            { cohortId, labourerId: t.labourerId, result: t.passed ? 'PASS' : 'FAIL', assessedOn: isoOf(end), previousResult: recorded ? 'PASS' : 'FAIL', reason: 'DATA_ENTRY_ERROR', correctedOn: isoOf(end + 4) },
            end + 4,
          ),
        );
      }
      if (t.passed) events.push(event('TrainingCertificateIssued', { cohortId, labourerId: t.labourerId, issuedOn: isoOf(end + (mistyped ? 4 : 1)) }, end + 1));
      appends.push({ streamId: toAssessmentStreamId(cohortId, t.labourerId), expectedVersion: 'no_stream', events });
    }
  }

  function certify(cohort: Cohort, appends: StreamAppend[]): void {
    const end = cohort.days[cohort.days.length - 1]!;
    const entrepreneurship = cohort.programme.type === 'ENTREPRENEURSHIP' || cohort.programme.type === 'COLLEGE_ENTREPRENEURSHIP';
    // About two thirds of those who passed sit (and pass) the occupation's skill evaluation.
    const share = Math.min(0.97, cohort.programme.certificate / 0.95);
    for (const t of cohort.trainees) {
      if (!t.passed || !rng.chance(share)) continue;
      const certificateId = rng.uuid();
      const numberKey = rng.hex(32);
      const issuedOn = end + rng.int(15, 75);
      newCommand();
      appends.push({
        streamId: toCertificateStreamId(certificateId),
        expectedVersion: 'no_stream',
        events: [
          event(
            'CertificateRecorded',
            {
              certificateId,
              labourerId: t.labourerId,
              numberKey,
              ...(entrepreneurship ? { type: 'SPECIAL_ABILITY' } : { type: 'SKILL_LEVEL', level: cohort.level }),
              occupation: cohort.occupation,
              issuer: rng.pick(ISSUERS),
              issuedOn: isoOf(issuedOn),
            },
            issuedOn + 2,
          ),
        ],
      });
      appends.push({ streamId: toCertificateNumberStreamId(numberKey), expectedVersion: 'no_stream', events: [event('CertificateNumberClaimed', { certificateId, labourerId: t.labourerId }, issuedOn + 2)] });
    }
  }

  function employ(cohort: Cohort, appends: StreamAppend[]): void {
    const end = cohort.days[cohort.days.length - 1]!;
    for (const t of cohort.trainees) {
      const foundWork = t.withdrawReason === 'FOUND_EMPLOYMENT';
      if (t.withdrawAt !== undefined && !foundWork) continue;
      const p = foundWork ? 0.9 : cohort.programme.employment * (t.passed ? 1 : 0.5);
      if (!rng.chance(p)) continue;
      const employmentId = rng.uuid();
      const startsOn = foundWork ? cohort.days[t.withdrawAt!]! + rng.int(0, 10) : end + rng.int(3, 120);
      const selfEmployed = cohort.programme.type === 'ENTREPRENEURSHIP' || cohort.programme.type === 'COLLEGE_ENTREPRENEURSHIP' ? rng.chance(0.7) : rng.chance(0.05);
      newCommand();
      const events = [
        event(
          'EmploymentRecorded',
          {
            employmentId,
            labourerId: t.labourerId,
            ...(selfEmployed ? {} : { employer: rng.chance(0.3) ? { kind: 'ORGANISATION', name: rng.pick(EMPLOYERS) } : { kind: 'ENTERPRISE', enterpriseId: rng.uuid() } }),
            startsOn: isoOf(startsOn),
            evidenceRef: `doc:${rng.uuid()}`,
          },
          startsOn + rng.int(5, 30),
        ),
      ];
      if (rng.chance(0.85)) {
        const verifiedOn = startsOn + rng.int(35, 60);
        newCommand();
        events.push(event('EmploymentVerified', { employmentId, verifiedOn: isoOf(verifiedOn), verifiedBy: rng.pick(reviewers) }, verifiedOn));
      }
      appends.push({ streamId: toEmploymentStreamId(employmentId), expectedVersion: 'no_stream', events });
    }
  }

  function cohortAppend(cohort: Cohort, events: EventToAppend[]): StreamAppend {
    const expectedVersion: ExpectedVersion = cohort.version === 0 ? 'no_stream' : cohort.version;
    cohort.version += events.length;
    return { streamId: toCohortStreamId(cohort.cohortId), expectedVersion, events };
  }
}

/** Splits a batch's appends into chunks of at most `maxStreams` streams (a batch never names a stream twice). */
export function* chunks(appends: readonly StreamAppend[], maxStreams: number): Generator<StreamAppend[]> {
  for (let i = 0; i < appends.length; i += maxStreams) yield appends.slice(i, i + maxStreams);
}
