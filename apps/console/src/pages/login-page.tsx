import { useState, type FormEvent } from 'react';
import { api, ApiError, session } from '../api/client';
import { userOf, homeOf } from '../api/user';
import { ErrorNote, FieldError, fieldProps } from '../components/errors';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation } from '../router';

export function LoginPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { token } = await api<{ token: string }>('POST', '/api/auth/login', { body: { username, password } });
      session.set(token);
      const next = search.get('next');
      // Only a path of this console: never a link to another site.
      navigate(next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : homeOf(userOf(token)!), { replace: true });
    } catch (caught) {
      setError(caught as ApiError);
      setBusy(false);
    }
  };

  return (
    <Page title={t('login.title')}>
      <form className="card narrow" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="username">{t('login.username')}</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} {...fieldProps(error, 'username', 'username-error')} />
          <FieldError error={error} field="username" id="username-error" />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} {...fieldProps(error, 'password', 'password-error')} />
          <FieldError error={error} field="password" id="password-error" />
        </div>
        <ErrorNote error={error} shownFields={['username', 'password']} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <p className="muted small">{t('login.help')}</p>
      </form>
    </Page>
  );
}
