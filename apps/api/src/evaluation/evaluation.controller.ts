import { Controller, Get, Inject, Query } from '@nestjs/common';
import { parseInput, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { CertificationProgressQuery } from './certification-progress.query';
import { readCertificationProgress } from './certification-progress.service';
import { EVALUATION_READERS, evaluationUnitFor } from './evaluation-readers';

/** R-EVAL-1: the semiannual evaluation (issue 7), as known on a day (R-MON-1). Counts only, no personal data. */
@Controller('api/evaluation')
export class EvaluationController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Get('certification-progress')
  @Roles(...EVALUATION_READERS)
  certificationProgress(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { asOf, subdistrictId } = parseInput(CertificationProgressQuery, query ?? {});
    const unit = evaluationUnitFor(principal, subdistrictId);
    return readCertificationProgress(this.system, this.directory.subdistrictList(), asOf, unit);
  }
}
