import {
  FIRST_ISSUE_TYPES,
  firstIssueOf,
  freeEvaluationDecider,
  skillsMasterStudioDecider,
  trainingCentreDecider,
  upgradeTrainingDecider,
  workForTrainingDecider,
  workForTrainingMonthsOf,
  type AwardUnit,
  type BrandLevel,
  type BrandPersonCount,
  type CalendarDate,
  type DomainEvent,
  type FirstIssue,
  type Flag,
  type FreeEvaluationEvent,
  type FreeEvaluationState,
  type KeyGroup,
  type LabourBrandPersonCounted,
  type LabourBrandRecognised,
  type SkillsMasterStudioEvent,
  type SkillsMasterStudioState,
  type TrainingCentreEvent,
  type TrainingCentreState,
  type UpgradeTrainingEvent,
  type UpgradeTrainingState,
  type WorkForTrainingEvent,
  type WorkForTrainingState,
} from '@skills/domain';
import type { PersonHistory } from './person-history';

/** The streams the R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2, R-CERT-2 and R-CERT-3 claims are computed from. */
export const SCHEME_FACT_EVENTS: readonly string[] = [
  'WorkForTrainingPlacementRecorded',
  'WorkForTrainingMonthRecorded',
  'TrainingCentreRecognised',
  'SkillsMasterStudioDesignated',
  'LabourBrandRecognised',
  'LabourBrandPersonCounted',
  'FreeEvaluationRecorded',
  'FreeEvaluationCertificateNamed',
  'UpgradeTrainingCompleted',
];

/** A recognised brand and its counts in the order recorded; mutable, so a count costs a push, not a copy of the list. */
export interface FoldedBrand {
  readonly status: 'recognised';
  readonly brandId: string;
  readonly holder: AwardUnit;
  readonly level: BrandLevel;
  readonly recognisedOn: CalendarDate;
  readonly counts: BrandPersonCount[];
}

/** R-ENT-3: what the claim source read when the claim was submitted: the person's stream and the card per placement. */
export interface WorkAtSubmission {
  readonly state: Extract<WorkForTrainingState, { status: 'placed' }>;
  readonly markers: ReadonlyMap<string, { readonly keyGroups: KeyGroup[]; readonly flags: Flag[] }>;
}

/**
 * The fact streams, folded by their deciders' own evolve (the states are immutable, so a claim keeps the one it
 * was computed from by reference), except brands, whose count list grows with every person counted.
 */
export class SchemeFactHistory {
  /** By labourer: the person's work-for-training at every employer. */
  readonly workForTraining = new Map<string, WorkForTrainingState>();
  /** By enterprise. */
  readonly trainingCentres = new Map<string, TrainingCentreState>();
  readonly studios = new Map<string, SkillsMasterStudioState>();
  readonly brands = new Map<string, FoldedBrand>();
  /** R-CERT-2, by evaluation. */
  readonly evaluations = new Map<string, FreeEvaluationState>();
  /** R-CERT-3, by labourer: the certificates obtained through upgrade training, at every employer. */
  readonly upgrades = new Map<string, UpgradeTrainingState>();

  fold(event: DomainEvent): void {
    switch (event.type) {
      case 'WorkForTrainingPlacementRecorded':
      case 'WorkForTrainingMonthRecorded': {
        const id = (event.data as { labourerId: string }).labourerId.toLowerCase();
        this.workForTraining.set(id, workForTrainingDecider.evolve(this.workForTraining.get(id) ?? workForTrainingDecider.initialState(), event as WorkForTrainingEvent));
        return;
      }
      case 'TrainingCentreRecognised': {
        const id = (event.data as { enterpriseId: string }).enterpriseId.toLowerCase();
        this.trainingCentres.set(id, trainingCentreDecider.evolve(this.trainingCentres.get(id) ?? trainingCentreDecider.initialState(), event as TrainingCentreEvent));
        return;
      }
      case 'SkillsMasterStudioDesignated': {
        const id = (event.data as { studioId: string }).studioId.toLowerCase();
        this.studios.set(id, skillsMasterStudioDecider.evolve(this.studios.get(id) ?? skillsMasterStudioDecider.initialState(), event as SkillsMasterStudioEvent));
        return;
      }
      case 'LabourBrandRecognised': {
        const d = (event as LabourBrandRecognised).data;
        // labourBrandDecider.evolve: the first recognition stands.
        if (!this.brands.has(d.brandId.toLowerCase())) this.brands.set(d.brandId.toLowerCase(), { status: 'recognised', ...d, counts: [] });
        return;
      }
      case 'LabourBrandPersonCounted': {
        const { brandId, ...count } = (event as LabourBrandPersonCounted).data;
        this.brands.get(brandId.toLowerCase())?.counts.push(count);
        return;
      }
      case 'FreeEvaluationRecorded':
      case 'FreeEvaluationCertificateNamed': {
        const id = (event.data as { evaluationId: string }).evaluationId.toLowerCase();
        this.evaluations.set(id, freeEvaluationDecider.evolve(this.evaluations.get(id) ?? freeEvaluationDecider.initialState(), event as FreeEvaluationEvent));
        return;
      }
      case 'UpgradeTrainingCompleted': {
        const id = (event.data as { labourerId: string }).labourerId.toLowerCase();
        this.upgrades.set(id, upgradeTrainingDecider.evolve(this.upgrades.get(id) ?? upgradeTrainingDecider.initialState(), event as UpgradeTrainingEvent));
        return;
      }
    }
  }

  /**
   * R-ENT-3: the person's stream as the claim read it, and the card as it stood when each of the employer's placements
   * began (R-REG-4), taken when the claim is folded: a month recorded or a card erased later changes neither.
   */
  workAtSubmission(labourerId: string, enterpriseId: string, people: PersonHistory): WorkAtSubmission | undefined {
    const state = this.workForTraining.get(labourerId.toLowerCase());
    if (state?.status !== 'placed') return undefined;
    const markers = new Map<string, { keyGroups: KeyGroup[]; flags: Flag[] }>();
    for (const month of workForTrainingMonthsOf(state, enterpriseId)) {
      if (!markers.has(month.placement.placementId)) markers.set(month.placement.placementId, people.markersOn(state.labourerId, month.cardAsOf));
    }
    return { state, markers };
  }
}

/**
 * R-CERT-2: whether each special operation or equipment certificate of the evaluation is a first issue (firstIssueOf),
 * judged as the claim judged it, on the person's certificates recorded by then (rm_certificates): a certificate
 * recorded later changes nothing. Empty for the other types, which have no first issue.
 */
export function firstIssuesAtSubmission(evaluation: FreeEvaluationState | undefined, people: PersonHistory): ReadonlyMap<string, FirstIssue> {
  const result = new Map<string, FirstIssue>();
  if (evaluation?.status !== 'recorded' || !FIRST_ISSUE_TYPES.has(evaluation.certificateType)) return result;
  for (const named of evaluation.certificates) {
    const held = people.certificates.get(named.labourerId.toLowerCase()) ?? [];
    const self = { certificateId: named.certificateId, type: evaluation.certificateType, occupation: evaluation.occupation, issuedOn: named.issuedOn };
    result.set(named.certificateId, firstIssueOf(named.firstIssue ?? false, self, held));
  }
  return result;
}
