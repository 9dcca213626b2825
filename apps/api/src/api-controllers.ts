import type { Type } from '@nestjs/common';
import { LoginController } from './auth/login.controller';
import { DocsController } from './docs/docs.controller';
import { HealthController } from './health/health.controller';
import { RegistrationFundingController } from './registry/funding/registration-funding.controller';
import { LabourersController } from './registry/labourers/labourers.controller';
import { OrganisationsController } from './registry/organisations/organisations.controller';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomeRatesController } from './outcome-rates/outcome-rates.controller';
import { CohortsController } from './training/cohorts.controller';
import { COHORT_QUERY_CONTROLLERS } from './cohort-queries/cohort-queries-api';
import { CohortRecordsController } from './cohort-records/cohort-records.controller';
import { ClaimsController } from './claims/claims.controller';
import { ClaimOverridesController } from './claims/overrides.controller';
import { ClaimReviewController } from './claims/review.controller';
import { ClaimPayoutsController } from './claims/claim-payouts.controller';
import { ClaimPayoutDecisionsController } from './claims/claim-payout-decisions.controller';
import { PayoutExportController } from './payouts/payout-export.controller';
import { PayeeBankAccountController } from './payouts/payee-bank-account.controller';
import { LabourerBankAccountController } from './registry/labourers/labourer-bank-account.controller';
import { PayoutReconciliationController } from './payouts/payout-reconciliation.controller';
import { PoliciesController } from './policies/policies.controller';
import { PolicySimulationsController } from './policies/simulations.controller';
import { EnterpriseSchemesController } from './enterprise-schemes/enterprise-schemes.controller';
import { CertificationSchemesController } from './certification-schemes/certification-schemes.controller';
import { NoticesController } from './notices/notices.controller';
import { ClaimCommentsController } from './claim-records/comments.controller';
import { ClaimEvidenceController } from './claim-records/evidence.controller';
import { TargetsController } from './targets/targets.controller';
import { EvaluationController } from './evaluation/evaluation.controller';
import { EvaluationReportsController } from './evaluation/evaluation-reports.controller';
import { AccountsController } from './accounts/accounts.controller';

export const API_CONTROLLERS: Type[] = [
  HealthController,
  LoginController,
  DocsController,
  LabourersController,
  OrganisationsController,
  RegistrationFundingController,
  CohortsController,
  OutcomesController,
  OutcomeRatesController,
  ...COHORT_QUERY_CONTROLLERS,
  CohortRecordsController,
  ClaimsController,
  ClaimOverridesController,
  ClaimReviewController,
  ClaimPayoutsController,
  ClaimPayoutDecisionsController,
  PayoutExportController,
  PayeeBankAccountController,
  LabourerBankAccountController,
  PayoutReconciliationController,
  PoliciesController,
  PolicySimulationsController,
  EnterpriseSchemesController,
  CertificationSchemesController,
  NoticesController,
  ClaimCommentsController,
  ClaimEvidenceController,
  TargetsController,
  EvaluationController,
  EvaluationReportsController,
  AccountsController,
];
