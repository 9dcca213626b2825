import { useCallback } from 'react';
import { useApi } from '../api/use-api';
import { useUser } from '../api/user';
import { Loading, Page } from '../components/page';
import { evaluationApi } from '../evaluation/evaluation-api';
import { FrozenReports } from '../evaluation/frozen-reports';
import type { FrozenReport } from '../evaluation/report-types';
import { ReportView } from '../evaluation/report-view';
import { RunForm } from '../evaluation/run-form';
import '../evaluation/evaluation.css';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation } from '../router';

/**
 * R-EVAL-1 评估报告 (issue 7): build a semiannual (or any period's) evaluation report, follow its run, then read the
 * frozen report, charts and tables, with every figure traceable to its events (R-MON-1). The report shown is in the
 * address (?report=), so it can be bookmarked. Counts, fen and rates only: the report holds no personal data.
 */
export function EvaluationPage() {
  const { t } = useI18n();
  const user = useUser();
  const { search } = useLocation();
  const reportId = search.get('report');
  const list = useApi<unknown>(evaluationApi.list);
  const frozen = useApi<FrozenReport>(reportId ? evaluationApi.report(reportId) : null);
  const reloadList = list.reload;
  const onDone = useCallback(
    (id: string) => {
      reloadList();
      navigate(`/evaluation?report=${encodeURIComponent(id)}`);
    },
    [reloadList],
  );
  if (!user) return null;
  return (
    <Page title={t('evaluation.title')}>
      <p className="muted">{t('evaluation.help')}</p>
      <RunForm user={user} onDone={onDone} />
      {reportId && <Loading loaded={frozen}>{(data) => (data.reportId === reportId ? <ReportView frozen={data} /> : <p aria-live="polite">{t('app.loading')}</p>)}</Loading>}
      <FrozenReports list={list} current={reportId} />
    </Page>
  );
}
