import type { zhShell } from '../zh/shell';

/** The frame around every page: title, header, navigation, login and the generic errors. */
export const enShell: Record<keyof typeof zhShell, string> = {
  'app.title': 'Skills subsidy review console',
  'app.skip': 'Skip to main content',
  'app.language': '中文',
  'app.languageLabel': 'Switch to Chinese',
  'app.logout': 'Log out',
  'app.loggedInAs': 'Logged in as',
  'app.loading': 'Loading…',
  'app.notFound': 'There is no such page.',
  'app.back': 'Back',
  'app.none': 'None',
  'app.reload': 'Reload',

  'nav.label': 'Main',
  'nav.queue': 'Review queue',
  'nav.mine': 'My organisation',
  'nav.notices': 'Public notice',
  'nav.claims': 'Claims',
  'nav.reconciliation': 'Reconciliation',
  'nav.evaluation': 'Evaluation',

  'login.title': 'Log in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.busy': 'Logging in…',
  'login.help': 'Local account passwords are in local-accounts.json in the data directory.',

  'error.network': 'The server cannot be reached; check the connection and try again.',
  'error.generic': 'Something went wrong: {message}',
  'error.correlation': 'Reference {id}',
};
