import type { ReactNode } from 'react';
import { countText, schemeText, signedText, thresholdText } from '../../../../libs/reports/src/charts/figure-text';
import { Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { FigureButton, type AnyFigure } from './figure-cell';
import type { EvaluationReport, Fraction, MoneyFigure, ProgressLine, RateRow } from './report-types';

/** Opens the trace of a figure; the selected figure is marked. */
export interface Tracing {
  readonly selected: string | null;
  readonly onTrace: (figureId: string, opener: HTMLElement) => void;
}

const percentOf = (f: Fraction): string => thresholdText(f);

function Fig({ figure, tracing }: { figure: AnyFigure; tracing: Tracing }) {
  return <FigureButton figure={figure} onTrace={tracing.onTrace} selected={tracing.selected === figure.id} />;
}

function Table({ testId, caption, head, children }: { testId: string; caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A figure in a right-aligned cell of its own. */
const FigCell = ({ figure, tracing }: { figure: AnyFigure; tracing: Tracing }) => (
  <td className="num">
    <Fig figure={figure} tracing={tracing} />
  </td>
);

/** R-PAY-1's released, paid and outstanding, in the money table's column order (a row's and the total's). */
const AmountCells = ({ amounts, tracing }: { amounts: { readonly released: MoneyFigure; readonly paid: MoneyFigure; readonly outstanding: MoneyFigure }; tracing: Tracing }) => (
  <>
    <FigCell figure={amounts.released} tracing={tracing} />
    <FigCell figure={amounts.paid} tracing={tracing} />
    <FigCell figure={amounts.outstanding} tracing={tracing} />
  </>
);

/** A claim's row header: its id's first eight characters, the whole id on hover. */
const ClaimIdHeader = ({ claimId }: { claimId: string }) => (
  <th scope="row">
    <code title={claimId}>{claimId.slice(0, 8)}</code>
  </th>
);

const Col = ({ children, num }: { children: ReactNode; num?: boolean }) => (
  <th scope="col" className={num ? 'num' : undefined}>
    {children}
  </th>
);

/** Every section of the report as tables with the same figures as the PDF and the XLSX, each figure traceable. */
export function ReportTables({ report, tracing }: { report: EvaluationReport; tracing: Tracing }) {
  return (
    <>
      <ProgressTable report={report} tracing={tracing} />
      <TargetsTable report={report} tracing={tracing} />
      <RatesTables report={report} tracing={tracing} />
      <MoneyTables report={report} tracing={tracing} />
      <DataQualityTable report={report} tracing={tracing} />
    </>
  );
}

/** R-TGT-2: done against the task per unit, then the district. */
function ProgressTable({ report, tracing }: { report: EvaluationReport; tracing: Tracing }) {
  const { t, label } = useI18n();
  const { progress } = report;
  const lines: ProgressLine[] = [...progress.units, ...(progress.district ? [progress.district] : [])];
  return (
    <Section title={t('evaluation.progress')} id="evaluation-progress">
      <p className="muted">{t('evaluation.progressHelp', { version: progress.targetSetVersion, from: progress.taskPeriod.from, to: progress.taskPeriod.to, months: progress.taskPeriod.months })}</p>
      <Table
        testId="evaluation-progress-table"
        caption={t('evaluation.progress')}
        head={
          <>
            <Col>{t('evaluation.unit')}</Col>
            <Col num>{t('evaluation.task')}</Col>
            <Col num>{t('evaluation.done')}</Col>
            <Col num>{t('evaluation.expectedToDate')}</Col>
            <Col num>{t('evaluation.difference')}</Col>
            <Col>{t('evaluation.standing')}</Col>
            <Col num>{t('evaluation.remaining')}</Col>
            <Col num>{t('evaluation.paceNeeded')}</Col>
          </>
        }
      >
        {lines.map((line) => (
          <tr key={line.subdistrictId ?? 'DISTRICT'} data-unit={line.subdistrictId ?? 'DISTRICT'} className={line.subdistrictId === null ? 'total' : undefined}>
            <th scope="row">{line.name}</th>
            <td className="num">{countText(line.task)}</td>
            <td className="num" data-testid="done">
              <Fig figure={line.done} tracing={tracing} />
            </td>
            <td className="num">{countText(line.expectedToDateWhole)}</td>
            <td className="num">{signedText(line.difference)}</td>
            <td>{label('evaluation.standing', line.standing)}</td>
            <td className="num">{countText(line.remaining)}</td>
            <td className="num">{line.monthlyPaceNeeded === null ? '—' : countText(line.monthlyPaceNeeded)}</td>
          </tr>
        ))}
      </Table>
      {progress.flags.length > 0 && (
        <ul className="evaluation-flags" data-testid="evaluation-progress-flags">
          {progress.flags.map((flag) => (
            <li key={flag.code}>{flag.message}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** R-TGT-1: the district's targets, a target the system does not record said so rather than shown as 0. */
function TargetsTable({ report, tracing }: { report: EvaluationReport; tracing: Tracing }) {
  const { t, label } = useI18n();
  return (
    <Section title={t('evaluation.targets')} id="evaluation-targets">
      <Table
        testId="evaluation-targets-table"
        caption={t('evaluation.targets')}
        head={
          <>
            <Col>{t('evaluation.target')}</Col>
            <Col>{t('evaluation.targetPeriod')}</Col>
            <Col num>{t('evaluation.targetFigure')}</Col>
            <Col num>{t('evaluation.actual')}</Col>
            <Col>{t('evaluation.status')}</Col>
            <Col>{t('evaluation.note')}</Col>
          </>
        }
      >
        {report.targets.lines.map((line) => (
          <tr key={line.code} data-target={line.code}>
            <th scope="row">{line.label}</th>
            <td>
              {line.targetPeriod.from} – {line.targetPeriod.to}
            </td>
            <td className="num">
              {line.target}
              {line.unit === 'PERCENT' ? '%' : ''}
            </td>
            <td className="num">{line.actual ? <Fig figure={line.actual} tracing={tracing} /> : t('evaluation.notMeasured')}</td>
            <td>
              <span className={`badge badge-target-${line.status.toLowerCase().replace(/_/g, '-')}`}>{label('evaluation.targetStatus', line.status)}</span>
            </td>
            <td className="small">{line.note}</td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

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
function RatesTables({ report, tracing }: { report: EvaluationReport; tracing: Tracing }) {
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
              <th scope="row">
                <code title={cohort.cohortId}>{cohort.cohortId.slice(0, 8)}</code>
              </th>
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

/** R-PAY-1, R-CLAIM-4: money released and paid per scheme and payee type, the overrides and the claims waiting on gates. */
function MoneyTables({ report, tracing }: { report: EvaluationReport; tracing: Tracing }) {
  const { t, label, language } = useI18n();
  const { money } = report;
  // The scheme's Chinese name beside its rule id, as the PDF prints it; the rule id alone in English.
  const scheme = (id: string) => (language === 'zh' ? schemeText(id) : id);
  return (
    <Section title={t('evaluation.money')} id="evaluation-money">
      <Table
        testId="evaluation-money-table"
        caption={t('evaluation.money')}
        head={
          <>
            <Col>{t('queue.scheme')}</Col>
            <Col>{t('evaluation.payeeType')}</Col>
            <Col num>{t('evaluation.released')}</Col>
            <Col num>{t('evaluation.paid')}</Col>
            <Col num>{t('evaluation.outstanding')}</Col>
          </>
        }
      >
        {money.rows.map((row) => (
          <tr key={`${row.scheme}-${row.payeeType}`} data-scheme={row.scheme} data-payee={row.payeeType}>
            <th scope="row">{scheme(row.scheme)}</th>
            <td>{label('evaluation.payee', row.payeeType)}</td>
            <AmountCells amounts={row} tracing={tracing} />
          </tr>
        ))}
        <tr className="total" data-scheme="TOTAL">
          <th scope="row" colSpan={2}>
            {t('reconciliation.total')}
          </th>
          <AmountCells amounts={money.total} tracing={tracing} />
        </tr>
      </Table>
      <ClaimTable
        title={t('evaluation.overrides')}
        testId="evaluation-overrides"
        claims={money.overrides}
        headers={[t('evaluation.overridden')]}
        cells={(o) => [o.kinds.join('、')]}
        scheme={scheme}
        tracing={tracing}
      />
      <ClaimTable
        title={t('evaluation.waitingOnGates')}
        testId="evaluation-waiting"
        claims={money.waitingOnGates}
        headers={[t('evaluation.submittedOn'), t('evaluation.waitingGates')]}
        cells={(w) => [w.submittedOn, w.gates.map((g) => label('gate', g)).join('、')]}
        scheme={scheme}
        tracing={tracing}
      />
    </Section>
  );
}

/** R-CLAIM-4, R-GATE-4: claims by id and scheme, what the table says of each, and the claim's amount; "none" when empty. */
function ClaimTable<C extends { readonly claimId: string; readonly scheme: string; readonly amount: MoneyFigure }>(props: {
  title: string;
  testId: string;
  claims: readonly C[];
  headers: readonly string[];
  cells: (claim: C) => readonly string[];
  scheme: (id: string) => string;
  tracing: Tracing;
}) {
  const { t } = useI18n();
  const { title, testId, claims, headers, cells, scheme, tracing } = props;
  return (
    <>
      <h3>{title}</h3>
      {claims.length === 0 ? (
        <p>{t('app.none')}</p>
      ) : (
        <Table
          testId={testId}
          caption={title}
          head={
            <>
              <Col>{t('reconciliation.claim')}</Col>
              <Col>{t('queue.scheme')}</Col>
              {headers.map((h) => (
                <Col key={h}>{h}</Col>
              ))}
              <Col num>{t('evaluation.amount')}</Col>
            </>
          }
        >
          {claims.map((c) => (
            <tr key={c.claimId} data-claim={c.claimId}>
              <ClaimIdHeader claimId={c.claimId} />
              <td>{scheme(c.scheme)}</td>
              {cells(c).map((text, i) => (
                <td key={i}>{text}</td>
              ))}
              <FigCell figure={c.amount} tracing={tracing} />
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** What the figures may be wrong about: clashing attendance, facts recorded late, the target set's own errors. */
function DataQualityTable({ report, tracing }: { report: EvaluationReport; tracing: Tracing }) {
  const { t, label } = useI18n();
  const { flags } = report.dataQuality;
  return (
    <Section title={t('evaluation.dataQuality')} id="evaluation-data-quality">
      {flags.length === 0 ? (
        <p>{t('evaluation.noFlags')}</p>
      ) : (
        <Table
          testId="evaluation-data-quality"
          caption={t('evaluation.dataQuality')}
          head={
            <>
              <Col>{t('evaluation.flagKind')}</Col>
              <Col num>{t('evaluation.flagCount')}</Col>
              <Col>{t('evaluation.note')}</Col>
            </>
          }
        >
          {flags.map((flag) => (
            <tr key={flag.figure.id} data-kind={flag.kind}>
              <th scope="row">{label('evaluation.flag', flag.kind)}</th>
              <FigCell figure={flag.figure} tracing={tracing} />
              <td className="small">{flag.message}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
