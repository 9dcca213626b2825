import type { ClaimLine } from '../api/types';
import { formatFen, shortId } from '../components/format';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/**
 * R-CLAIM-1, R-GATE-5: every line with its outcome and the calculator's explanation (arithmetic, cap, inputs and
 * policy version), the inputs folded away in a <details> so the table stays readable.
 */
export function ClaimLines({ lines, personLinks, overriddenLineIds }: { lines: readonly ClaimLine[]; personLinks: boolean; overriddenLineIds: readonly string[] }) {
  const { t } = useI18n();
  return (
    <table className="lines">
      <thead>
        <tr>
          <th scope="col">{t('claim.person')}</th>
          <th scope="col">{t('claim.rule')}</th>
          <th scope="col">{t('claim.outcome')}</th>
          <th scope="col" className="num">{t('claim.amount')}</th>
          <th scope="col">{t('claim.explanation')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.lineId} data-line={line.lineId}>
            <td>{line.labourerId ? personLinks ? <Link to={`/people/${line.labourerId}/timeline`} title={line.labourerId}>{shortId(line.labourerId)}</Link> : <span title={line.labourerId}>{shortId(line.labourerId)}</span> : `${line.payee.kind} ${shortId(line.payee.id)}`}</td>
            <td>{line.ruleId}</td>
            <td>
              <Outcome line={line} />
              {overriddenLineIds.includes(line.lineId) && <span className="flag">{t('claims.overridden')}</span>}
            </td>
            <td className="num">{line.amountFen === undefined ? '—' : formatFen(line.amountFen)}</td>
            <td className="small">
              {line.explanation?.arithmetic}
              {line.reason && <p>{line.reason.message}</p>}
              {line.explanation?.cap?.applied && <p>{line.explanation.cap.description}</p>}
              {line.explanation?.inputs && (
                <details>
                  <summary>
                    {t('claim.inputs')} ({line.policyVersion ?? line.explanation.policyVersion})
                  </summary>
                  <dl className="inputs">
                    {Object.entries(line.explanation.inputs).map(([name, value]) => (
                      <div key={name}>
                        <dt>{name}</dt>
                        <dd>{String(value)}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Outcome({ line }: { line: ClaimLine }) {
  const { t } = useI18n();
  const text = line.outcome === 'NO_RULE' ? t('claim.noRule') : line.outcome === 'REFUSED' ? t('claim.refused') : line.outcome === 'AMOUNT' ? '✓' : line.outcome;
  return <span className={`outcome outcome-${line.outcome.toLowerCase()}`}>{line.kind ? `${line.kind} ${text}` : text}</span>;
}
