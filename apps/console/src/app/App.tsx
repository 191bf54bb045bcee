import { AuthProvider, useAuth } from '../auth/auth';
import { LoginPage } from '../features/login/LoginPage';
import { I18nProvider } from '../i18n/i18n';
import { RealtimeProvider } from '../realtime/realtime';
import { ConfigProvider } from './config';
import { Shell } from './Shell';

function Root() {
  const { user, token, api } = useAuth();
  if (!user || !token) return <LoginPage />;
  // Keyed by the user, not the token: a renewed token is handed to the live socket, not a reason to reconnect.
  return (
    <RealtimeProvider key={user.id} token={token} user={user} api={api}>
      <Shell />
    </RealtimeProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <ConfigProvider>
          <Root />
        </ConfigProvider>
      </AuthProvider>
    </I18nProvider>
  );
}
