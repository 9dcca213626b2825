import type { CohortOutcomes, GateOutcome, TraineeExplanation } from '../api/types';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { shortId } from './format';
import { GateRateCells, GateRateHeadings } from './gate-rate-cells';
import { Loading, StatusBadge } from './page';

const GATES = ['pass', 'certification', 'employment'] as const;

/**
 * R-GATE-1..3, R-GATE-5: the cohort's three rates against their thresholds, then every person in the base with why
 * each rate counted them or not (the explain list of GET /api/cohorts/{id}/outcomes).
 */
export function CohortRates({ cohortId, personLinks }: { cohortId: string; personLinks: boolean }) {
  const outcomes = useApi<CohortOutcomes>(`/api/cohorts/${cohortId}/outcomes`);
  return <Loading loaded={outcomes}>{(data) => <RatesView data={data} personLinks={personLinks} />}</Loading>;
}

function RatesView({ data, personLinks }: { data: CohortOutcomes; personLinks: boolean }) {
  const { t, label } = useI18n();
  const gates = GATES.map((key) => data.gates[key]).filter((g): g is GateOutcome => g !== undefined);
  return (
    <>
      <p className="muted">
        {t('cohort.ratesAsOf', { day: data.asOf, version: data.policyVersion })} · {t('cohort.base', { n: data.base.size })}
      </p>
      <table>
        <thead>
          <tr>
            <GateRateHeadings />
            <th scope="col">{t('claim.windowEnd')}</th>
            <th scope="col">{t('claims.status')}</th>
            <th scope="col">{t('claim.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {gates.map((gate) => (
            <tr key={gate.gate} data-gate={gate.gate}>
              <GateRateCells gate={gate} />
              <td>{gate.window.to}</td>
              <td>
                <StatusBadge status={gate.state.status} />
              </td>
              <td className="small">{gate.arithmetic}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="explain">
        <caption>{t('cohort.trainees')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claim.person')}</th>
            {gates.map((gate) => (
              <th scope="col" key={gate.gate}>
                {label('gate', gate.gate)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.trainees
            .filter((trainee) => trainee.base.inBase)
            .map((trainee) => (
              <tr key={trainee.labourerId}>
                <th scope="row">{personLinks ? <Link to={`/people/${trainee.labourerId}/timeline`}>{shortId(trainee.labourerId)}</Link> : shortId(trainee.labourerId)}</th>
                {GATES.filter((key) => data.gates[key]).map((key) => (
                  <td key={key}>
                    <Explanation explanation={trainee[key]} />
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

function Explanation({ explanation }: { explanation: TraineeExplanation | undefined }) {
  const { t } = useI18n();
  if (!explanation) return <span className="muted">—</span>;
  return (
    <>
      <strong className={explanation.counted ? 'yes' : 'no'}>{explanation.counted ? `✓ ${t('cohort.counted')}` : `✗ ${t('cohort.notCounted')}`}</strong>{' '}
      <span className="small">{explanation.detail}</span>
    </>
  );
}
