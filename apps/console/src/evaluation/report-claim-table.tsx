import { useI18n } from '../i18n/i18n';
import { Col, FigCell, IdHeader, Table, type Tracing } from './report-table-parts';
import type { MoneyFigure } from './report-types';

/** R-CLAIM-4, R-GATE-4: claims by id and scheme, what the table says of each, and the claim's amount; "none" when empty. */
export function ClaimTable<C extends { readonly claimId: string; readonly scheme: string; readonly amount: MoneyFigure }>(props: {
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
              <IdHeader id={c.claimId} />
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
