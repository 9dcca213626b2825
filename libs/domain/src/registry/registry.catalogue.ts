import type { EventDefinition } from '../shared/event-definition';
import { LabourerBankAccountRecorded } from './labourer-bank-account';
import { LabourerErased, LabourerGroupsChanged, LabourerIdentityClaimed, LabourerRegistered } from './labourer.events';
import {
  EnterpriseProfileChanged,
  EnterpriseRegistered,
  EvaluationBodyRegistered,
  ProviderQualificationRenewed,
  ProviderRegistered,
  SubdistrictRegistered,
} from './organisation.events';

/** Every event definition of the registry (R-REG-*, R-ORG-1), at its current version. */
export const registryEvents: readonly EventDefinition[] = [
  LabourerRegistered,
  LabourerGroupsChanged,
  LabourerErased,
  LabourerIdentityClaimed,
  LabourerBankAccountRecorded,
  ProviderRegistered,
  ProviderQualificationRenewed,
  EnterpriseRegistered,
  EnterpriseProfileChanged,
  EvaluationBodyRegistered,
  SubdistrictRegistered,
];
