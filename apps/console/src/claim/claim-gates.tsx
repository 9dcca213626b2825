import type { ClaimGate } from '../api/types';
import { formatRate } from '../components/format';
import { StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';

/** R-GATE-4: the gates that apply to the claim as they stood when it was submitted or last evaluated. */
export function ClaimGates({ gates, overriddenGates }: { gates: readonly ClaimGate[]; overriddenGates: readonly string[] }) {
  const { t, label } = useI18n();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('claim.gate')}</th>
          <th scope="col">{t('claim.rate')}</th>
          <th scope="col" className="num">{t('claim.threshold')}</th>
          <th scope="col">{t('claims.status')}</th>
          <th scope="col">{t('claim.explanation')}</th>
        </tr>
      </thead>
      <tbody>
        {gates.map((gate) => (
          <tr key={gate.gate}>
            <th scope="row">
              {label('gate', gate.gate)} <span className="muted small">{gate.ruleId}</span>
            </th>
            <td>{formatRate(gate.rate)}</td>
            <td className="num">≥ {gate.thresholdPercent}%</td>
            <td>
              <StatusBadge status={gate.status} />
              {overriddenGates.includes(gate.gate) && <span className="flag">{t('claims.overridden')}</span>}
            </td>
            <td className="small">
              {gate.arithmetic} ({gate.asOf}, {gate.policyVersion})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
