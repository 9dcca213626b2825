import type { ClaimGate } from '../api/types';
import { GateRateCells, GateRateHeadings } from '../components/gate-rate-cells';
import { StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';

/** R-GATE-4: the gates that apply to the claim as they stood when it was submitted or last evaluated. */
export function ClaimGates({ gates, overriddenGates }: { gates: readonly ClaimGate[]; overriddenGates: readonly string[] }) {
  const { t } = useI18n();
  return (
    <table>
      <thead>
        <tr>
          <GateRateHeadings />
          <th scope="col">{t('claims.status')}</th>
          <th scope="col">{t('claim.explanation')}</th>
        </tr>
      </thead>
      <tbody>
        {gates.map((gate) => (
          <tr key={gate.gate}>
            <GateRateCells gate={gate} />
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
