import { EventCatalogue } from './shared/event-catalogue';
import { outcomeEvents, outcomeHistoricEvents, outcomeUpcasters } from './outcomes/outcomes.catalogue';
import { policyEvents } from './policy/policy.catalogue';
import { registryEvents } from './registry/registry.catalogue';
import { trainingEvents } from './training/training.catalogue';
import { claimEvents } from './claims/claims.catalogue';
import { enterpriseSchemeEvents } from './enterprise-schemes/enterprise-schemes.catalogue';
import { certificationSchemeEvents } from './certification-schemes/certification-schemes.catalogue';
import { claimNoticeCatalogue } from './claim-notice/claim-notice.catalogue';
import { claimRecordsCatalogue } from './claim-records/claim-records.catalogue';
import { targetSetEvents } from './targets/target-set.catalogue';
import { payoutCatalogue } from './payouts/payouts.catalogue';
import { evaluationEvents } from './evaluation/evaluation.catalogue';

/** Every domain event the system stores. Each module adds its list (and its upcasters) here. */
export function createEventCatalogue(): EventCatalogue {
  return new EventCatalogue()
    .register(...registryEvents, ...trainingEvents, ...outcomeEvents, ...outcomeHistoricEvents, ...claimEvents, ...policyEvents, ...enterpriseSchemeEvents, ...certificationSchemeEvents, ...claimNoticeCatalogue, ...claimRecordsCatalogue, ...targetSetEvents, ...payoutCatalogue, ...evaluationEvents)
    .registerUpcaster(...outcomeUpcasters);
}
