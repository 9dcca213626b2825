import type { GateOutcome } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatRate } from './format';

type GateRate = Pick<GateOutcome, 'gate' | 'ruleId' | 'rate' | 'thresholdPercent'>;

/** The first headings of a gates table, the same for a cohort's rates and a claim's gates. */
export function GateRateHeadings() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t('claim.gate')}</th>
      <th scope="col">{t('claim.rate')}</th>
      <th scope="col" className="num">{t('claim.threshold')}</th>
    </>
  );
}

/** R-GATE-1..4: which gate (and its rule), its exact rate and the threshold it is held to, as the first cells of a row. */
export function GateRateCells({ gate }: { gate: GateRate }) {
  const { label } = useI18n();
  return (
    <>
      <th scope="row">
        {label('gate', gate.gate)} <span className="muted small">{gate.ruleId}</span>
      </th>
      <td>{formatRate(gate.rate)}</td>
      <td className="num">≥ {gate.thresholdPercent}%</td>
    </>
  );
}
