import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FieldError, fieldProps } from './errors';

/**
 * A reason as the api takes it, `{ code, text }`: a code from a fixed list and a written explanation. The api checks
 * both, so its errors on reason.code and reason.text show under their fields. Used where a decision must say why:
 * returning or rejecting a claim (R-CLAIM-3), cancelling a failed payout (R-PAY-1).
 */
export function ReasonFields(props: {
  /** Prefix of the fields' element ids, unique on the page. */
  id: string;
  codes: readonly string[];
  /** The i18n label prefix of the codes, e.g. 'reason' for `reason.MISSING_EVIDENCE`. */
  labelPrefix: string;
  help: string;
  code: string;
  text: string;
  onCode: (code: string) => void;
  onText: (text: string) => void;
  error: ApiError | undefined;
  /** When set, the select and textarea get data-testid `${testId}-code` and `${testId}-text`. */
  testId?: string;
}) {
  const { t, label } = useI18n();
  const { id, error, testId } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('action.reasonCode')}</label>
        <select id={`${id}-code`} value={props.code} onChange={(e) => props.onCode(e.target.value)} data-testid={testId && `${testId}-code`} {...fieldProps(error, 'reason.code', `${id}-code-error`)}>
          {props.codes.map((c) => (
            <option key={c} value={c}>
              {label(props.labelPrefix, c)}
            </option>
          ))}
        </select>
        <FieldError error={error} field="reason.code" id={`${id}-code-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('action.reason')}</label>
        <textarea id={`${id}-text`} rows={3} value={props.text} onChange={(e) => props.onText(e.target.value)} data-testid={testId && `${testId}-text`} {...fieldProps(error, 'reason.text', `${id}-text-error`, `${id}-help`)} />
        <p className="muted small" id={`${id}-help`}>
          {props.help}
        </p>
        <FieldError error={error} field="reason.text" id={`${id}-text-error`} />
      </div>
    </>
  );
}
