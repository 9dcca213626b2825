import { schemeText } from '../../../../libs/reports/src/charts/figure-text';
import { Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { ClaimTable } from './report-claim-table';
import { Col, FigCell, Table, type ReportSectionProps, type Tracing } from './report-table-parts';
import type { MoneyFigure } from './report-types';

/** R-PAY-1's released, paid and outstanding, in the money table's column order (a row's and the total's). */
const AmountCells = ({ amounts, tracing }: { amounts: { readonly released: MoneyFigure; readonly paid: MoneyFigure; readonly outstanding: MoneyFigure }; tracing: Tracing }) => (
  <>
    <FigCell figure={amounts.released} tracing={tracing} />
    <FigCell figure={amounts.paid} tracing={tracing} />
    <FigCell figure={amounts.outstanding} tracing={tracing} />
  </>
);

/** R-PAY-1, R-CLAIM-4: money released and paid per scheme and payee type, the overrides and the claims waiting on gates. */
export function MoneyTables({ report, tracing }: ReportSectionProps) {
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
