import { Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Col, Fig, Table, type ReportSectionProps } from './report-table-parts';

/** R-TGT-1: the district's targets, a target the system does not record said so rather than shown as 0. */
export function TargetsTable({ report, tracing }: ReportSectionProps) {
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
