import { thresholdText } from '../../../../libs/reports/src/charts/figure-text';
import { Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Col, Fig, FigCell, IdHeader, Table, type ReportSectionProps, type Tracing } from './report-table-parts';
import type { Fraction, RateRow } from './report-types';

const percentOf = (f: Fraction): string => thresholdText(f);

function RateRows({ rows, tracing, testId, caption, keyHeading }: { rows: readonly RateRow[]; tracing: Tracing; testId: string; caption: string; keyHeading: string }) {
  const { t, label } = useI18n();
  return (
    <Table
      testId={testId}
      caption={caption}
      head={
        <>
          <Col>{keyHeading}</Col>
          <Col num>{t('evaluation.cohorts')}</Col>
          <Col num>{label('gate', 'PASS')}</Col>
          <Col num>{label('gate', 'CERTIFICATION')}</Col>
          <Col num>{label('gate', 'EMPLOYMENT')}</Col>
          <Col num>{t('evaluation.failedCohorts')}</Col>
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.key} data-key={row.key}>
          <th scope="row">{row.label}</th>
          <FigCell figure={row.cohorts} tracing={tracing} />
          <FigCell figure={row.pass} tracing={tracing} />
          <FigCell figure={row.certification} tracing={tracing} />
          <FigCell figure={row.employment} tracing={tracing} />
          <FigCell figure={row.failedCohorts} tracing={tracing} />
        </tr>
      ))}
    </Table>
  );
}

/** R-GATE-1/2/3: the rates per programme type and per provider against their thresholds, and the cohorts that failed. */
export function RatesTables({ report, tracing }: ReportSectionProps) {
  const { t, label } = useI18n();
  const { rates } = report;
  return (
    <Section title={t('evaluation.rates')} id="evaluation-rates">
      <h3>{t('evaluation.thresholds')}</h3>
      <Table
        testId="evaluation-thresholds-table"
        caption={t('evaluation.thresholds')}
        head={
          <>
            <Col>{t('evaluation.programmeType')}</Col>
            <Col num>{label('gate', 'PASS')}</Col>
            <Col num>{label('gate', 'CERTIFICATION')}</Col>
            <Col num>{label('gate', 'EMPLOYMENT')}</Col>
          </>
        }
      >
        {rates.thresholds.map((row) => (
          <tr key={row.programmeType} data-key={row.programmeType}>
            <th scope="row">{rates.byProgrammeType.find((r) => r.key === row.programmeType)?.label ?? row.programmeType}</th>
            <td className="num">≥ {percentOf(row.pass)}</td>
            <td className="num">≥ {percentOf(row.certification)}</td>
            <td className="num">≥ {percentOf(row.employment)}</td>
          </tr>
        ))}
      </Table>
      <h3>{t('evaluation.byProgrammeType')}</h3>
      <RateRows rows={rates.byProgrammeType} tracing={tracing} testId="evaluation-rates-programme" caption={t('evaluation.byProgrammeType')} keyHeading={t('evaluation.programmeType')} />
      <h3>{t('evaluation.byProvider')}</h3>
      <RateRows rows={rates.byProvider} tracing={tracing} testId="evaluation-rates-provider" caption={t('evaluation.byProvider')} keyHeading={t('evaluation.provider')} />
      <h3>{t('evaluation.failedCohortList')}</h3>
      {rates.failedCohorts.length === 0 ? (
        <p>{t('evaluation.noFailedCohorts')}</p>
      ) : (
        <Table
          testId="evaluation-failed-cohorts"
          caption={t('evaluation.failedCohortList')}
          head={
            <>
              <Col>{t('evaluation.cohort')}</Col>
              <Col>{t('evaluation.provider')}</Col>
              <Col>{t('evaluation.completedOn')}</Col>
              <Col>{t('evaluation.failedGates')}</Col>
            </>
          }
        >
          {rates.failedCohorts.map((cohort) => (
            <tr key={cohort.cohortId} data-cohort={cohort.cohortId}>
              <IdHeader id={cohort.cohortId} />
              <td>{cohort.providerName}</td>
              <td>{cohort.completedOn ?? '—'}</td>
              <td>
                {cohort.gates.map((g) => (
                  <span key={g.gate} className="failed-gate">
                    {label('gate', g.gate)} <Fig figure={g.rate} tracing={tracing} /> &lt; {percentOf(g.threshold)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
