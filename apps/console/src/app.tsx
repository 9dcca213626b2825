import { useEffect, type ReactElement } from 'react';
import { session } from './api/client';
import { hasRole, homeOf, isBureau, isClaimant, useUser, type User } from './api/user';
import { useI18n } from './i18n/i18n';
import { ClaimPage } from './pages/claim-page';
import { CohortPage } from './pages/cohort-page';
import { EvaluationPage } from './pages/evaluation-page';
import { CohortTimelinePage, PersonTimelinePage } from './pages/timeline-pages';
import { LoginPage } from './pages/login-page';
import { MinePage } from './pages/mine-page';
import { NoticesPage } from './pages/notices-page';
import { QueuePage } from './pages/queue-page';
import { ReconciliationPage } from './pages/reconciliation-page';
import { Link, matchPath, navigate, useLocation } from './router';

const ROUTES: readonly { pattern: string; page: (params: Record<string, string>) => ReactElement }[] = [
  { pattern: '/queue', page: () => <QueuePage /> },
  { pattern: '/mine', page: () => <MinePage /> },
  { pattern: '/notices', page: () => <NoticesPage /> },
  { pattern: '/reconciliation', page: () => <ReconciliationPage /> },
  { pattern: '/evaluation', page: () => <EvaluationPage /> },
  { pattern: '/claims/:claimId', page: (p) => <ClaimPage claimId={p['claimId']!} /> },
  { pattern: '/cohorts/:cohortId', page: (p) => <CohortPage cohortId={p['cohortId']!} /> },
  { pattern: '/cohorts/:cohortId/timeline', page: (p) => <CohortTimelinePage cohortId={p['cohortId']!} /> },
  { pattern: '/people/:labourerId/timeline', page: (p) => <PersonTimelinePage labourerId={p['labourerId']!} /> },
];

/** The shell: a skip link, the header with navigation, the language switch and the user, then the page. */
export function App() {
  const user = useUser();
  const { pathname } = useLocation();
  const { t } = useI18n();
  useEffect(() => {
    if (!user && pathname !== '/login') navigate(`/login?next=${encodeURIComponent(pathname)}`, { replace: true });
    else if (user && (pathname === '/' || pathname === '/login')) navigate(homeOf(user), { replace: true });
  }, [user, pathname]);
  let content: ReactElement | null = null;
  if (!user) content = pathname === '/login' ? <LoginPage /> : null;
  else {
    for (const route of ROUTES) {
      const params = matchPath(route.pattern, pathname);
      if (params) {
        content = route.page(params);
        break;
      }
    }
    content ??= <p>{t('app.notFound')}</p>;
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header user={user} />
      <main id="main" tabIndex={-1} key={pathname}>
        {content}
      </main>
    </>
  );
}

function Header({ user }: { user: User | null }) {
  const { t, language, setLanguage, label } = useI18n();
  const { pathname } = useLocation();
  const links: { to: string; text: string }[] = [];
  // The queue is the bureau's; a subdistrict officer reads its unit's part of it.
  if (user && (isBureau(user) || user.roles.includes('SUBDISTRICT_OFFICER'))) links.push({ to: '/queue', text: t('nav.queue') });
  if (user && (isClaimant(user) || user.roles.includes('SUBDISTRICT_OFFICER'))) links.push({ to: '/mine', text: t('nav.mine') });
  if (user) links.push({ to: '/notices', text: t('nav.notices') });
  // R-PAY-1: the reconcilers of payouts/payout-reconciliation-access.ts; the api refuses anyone else.
  if (user && hasRole(user, 'FINANCE', 'APPROVER', 'ADMIN', 'EVALUATOR')) links.push({ to: '/reconciliation', text: t('nav.reconciliation') });
  // R-EVAL-1: evaluation/evaluation-readers.ts, the bureau and a subdistrict officer (its own unit only).
  if (user && (isBureau(user) || user.roles.includes('SUBDISTRICT_OFFICER'))) links.push({ to: '/evaluation', text: t('nav.evaluation') });
  return (
    <header className="top">
      <span className="brand">{t('app.title')}</span>
      {user && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} aria-current={pathname.startsWith(link.to) ? 'page' : undefined}>
                  {link.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="top-right">
        <button type="button" className="link-button" lang={language === 'zh' ? 'en' : 'zh-CN'} aria-label={t('app.languageLabel')} onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}>
          {t('app.language')}
        </button>
        {user && (
          <>
            <span className="who">
              {t('app.loggedInAs')}: <strong data-testid="username">{user.username}</strong> ({user.roles.map((r) => label('role', r)).join('、')})
            </span>
            <button type="button" onClick={() => session.set(null)}>
              {t('app.logout')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
