import { Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Col, FigCell, Table, type ReportSectionProps } from './report-table-parts';

/** What the figures may be wrong about: clashing attendance, facts recorded late, the target set's own errors. */
export function DataQualityTable({ report, tracing }: ReportSectionProps) {
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
