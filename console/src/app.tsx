import { Redirect, Route, Switch } from 'wouter';
import { ErrorMessage, Loading } from './components/status.js';
import { Layout, useOrganizations } from './layout.js';
import { AdminKeysPage } from './pages/admin-keys-page.js';
import { AuthPoliciesPage } from './pages/auth-policies-page.js';
import { ConsoleAccountsPage } from './pages/console-accounts-page.js';
import { GroupsPage } from './pages/groups-page.js';
import { IdentitiesPage } from './pages/identities-page.js';
import { IdentityPage } from './pages/identity-page.js';
import { IntegrationPage } from './pages/integration-page.js';
import { IntegrationWizardPage } from './pages/integration-wizard-page.js';
import { IntegrationsPage } from './pages/integrations-page.js';
import { JwtSignersPage } from './pages/jwt-signers-page.js';
import { RolesPage } from './pages/roles-page.js';
import { SetupLinkPage } from './pages/setup-link-page.js';
import { SetupLinksPage } from './pages/setup-links-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { WelcomePage } from './pages/welcome-page.js';
import { WebhooksPage } from './pages/webhooks-page.js';
import { SessionProvider, useSession, useSessionQuery } from './session.js';

function Home() {
  const session = useSession();
  const organizations = useOrganizations();
  if (session.organizationId) return <Redirect to={`/orgs/${session.organizationId}/integrations`} replace />;
  if (organizations.isPending) return <Loading what="organizations" />;
  if (organizations.error)
    return <ErrorMessage error={organizations.error} title="Could not load the organizations" />;
  const first = organizations.data.find((o) => o.name === 'default') ?? organizations.data[0];
  return first ? <Redirect to={`/orgs/${first.id}/integrations`} replace /> : <p>No organization exists.</p>;
}

const setupAllowed = new Set(['integrations', 'groups', 'roles']);

function SignedIn() {
  const session = useSession();
  return (
    <Switch>
      <Route path="/orgs/:organizationId/*?">
        {(params) => {
          const organizationId = params.organizationId;
          return (
            <Layout organizationId={organizationId}>
              <Switch>
                <Route path="/orgs/:o/integrations">
                  {() => <IntegrationsPage organizationId={organizationId} />}
                </Route>
                <Route path="/orgs/:o/integrations/new">
                  {() => <IntegrationWizardPage organizationId={organizationId} />}
                </Route>
                <Route path="/orgs/:o/integrations/:integrationId">
                  {(p) => <IntegrationPage organizationId={organizationId} integrationId={p.integrationId} />}
                </Route>
                {session.kind === 'account' ? (
                  <>
                    <Route path="/orgs/:o/identities">
                      {() => <IdentitiesPage organizationId={organizationId} />}
                    </Route>
                    <Route path="/orgs/:o/identities/:identityId">
                      {(p) => <IdentityPage organizationId={organizationId} identityId={p.identityId} />}
                    </Route>
                    <Route path="/orgs/:o/auth-policies">
                      {() => <AuthPoliciesPage organizationId={organizationId} />}
                    </Route>
                    <Route path="/orgs/:o/jwt-signers">
                      {() => <JwtSignersPage organizationId={organizationId} />}
                    </Route>
                    <Route path="/orgs/:o/webhooks">
                      {() => <WebhooksPage organizationId={organizationId} />}
                    </Route>
                    <Route path="/orgs/:o/setup-links">
                      {() => <SetupLinksPage organizationId={organizationId} />}
                    </Route>
                  </>
                ) : null}
                <Route path="/orgs/:o/groups">{() => <GroupsPage organizationId={organizationId} />}</Route>
                <Route path="/orgs/:o/roles">{() => <RolesPage organizationId={organizationId} />}</Route>
                <Route>
                  <p>
                    {session.kind === 'setup'
                      ? `This setup console shows ${[...setupAllowed].join(', ')} only.`
                      : 'There is no such page.'}
                  </p>
                </Route>
              </Switch>
            </Layout>
          );
        }}
      </Route>
      {session.kind === 'account' ? (
        <>
          <Route path="/admin-keys">
            <Layout>
              <AdminKeysPage />
            </Layout>
          </Route>
          <Route path="/console-accounts">
            <Layout>
              <ConsoleAccountsPage />
            </Layout>
          </Route>
        </>
      ) : null}
      <Route path="/sign-in">
        <Redirect to="/" replace />
      </Route>
      <Route path="/">
        <Home />
      </Route>
      <Route>
        <Layout>
          <p>There is no such page.</p>
        </Layout>
      </Route>
    </Switch>
  );
}

export function App() {
  const session = useSessionQuery();
  return (
    <Switch>
      <Route path="/welcome">
        <WelcomePage />
      </Route>
      <Route path="/setup">
        <SetupLinkPage />
      </Route>
      <Route>
        {session.isPending ? (
          <main className="narrow" id="main">
            <Loading what="your session" />
          </main>
        ) : session.error ? (
          <main className="narrow" id="main">
            <ErrorMessage error={session.error} title="Roster could not be reached" />
          </main>
        ) : session.data ? (
          <SessionProvider value={session.data}>
            <SignedIn />
          </SessionProvider>
        ) : (
          <SignInPage />
        )}
      </Route>
    </Switch>
  );
}
