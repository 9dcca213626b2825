import { countText, signedText } from '../../../../libs/reports/src/charts/figure-text';
import { Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Col, Fig, Table, type ReportSectionProps } from './report-table-parts';
import type { ProgressLine } from './report-types';

/** R-TGT-2: done against the task per unit, then the district. */
export function ProgressTable({ report, tracing }: ReportSectionProps) {
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
