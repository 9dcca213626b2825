import type { EventDefinition } from '../shared/event-definition';
import { LabourBrandPersonCounted, LabourBrandRecognised } from './labour-brand.events';
import { SkillsMasterStudioDesignated } from './skills-master-studio.events';
import { TrainingCentreRecognised } from './training-centre.events';
import { WorkForTrainingMonthRecorded, WorkForTrainingPlacementRecorded } from './work-for-training.events';

/** Every event definition of the enterprise and award schemes (R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2), at its current version. */
export const enterpriseSchemeEvents: readonly EventDefinition[] = [
  WorkForTrainingPlacementRecorded,
  WorkForTrainingMonthRecorded,
  TrainingCentreRecognised,
  SkillsMasterStudioDesignated,
  LabourBrandRecognised,
  LabourBrandPersonCounted,
];
