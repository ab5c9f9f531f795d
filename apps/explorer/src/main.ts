import { can, joinSession, session, SIGNED_OUT, SignInRequired, signIn, signOut } from './api';
import { watchDatabase } from './database-banner';
import { failure, h } from './dom';
import { landing, menuFor, parseRoute, ROUTE_PERMISSIONS } from './router';
import { auditView, usersView } from './views/admin';
import { alertsView } from './views/alerts';
import { brandView } from './views/brand';
import { casesView, caseView } from './views/cases';
import { clusterView } from './views/cluster';
import { clustersView } from './views/clusters';
import { modelView } from './views/model';
import { reportsView } from './views/reports';
import { searchView } from './views/search';
import { shopView } from './views/shop';
import { shutdownsView, shutdownView } from './views/shutdowns';
import { appealsView } from './views/appeals';
import { takedownsView } from './views/takedowns';

const view = document.getElementById('view')!;
const nav = document.getElementById('nav')!;
const who = document.getElementById('who')!;
const form = document.getElementById('signin') as HTMLFormElement;
const formError = document.getElementById('signin-error')!;

function showSignIn(): void {
  nav.hidden = true;
  view.replaceChildren();
  who.replaceChildren();
  form.hidden = false;
  (form.elements.namedItem('username') as HTMLInputElement).focus();
}

async function render(): Promise<void> {
  const me = session.me();
  if (session.get() === null || me === null) return showSignIn();
  form.hidden = true;
  nav.hidden = false;
  who.replaceChildren(
    `${me.username} (${me.roles.join(', ')}) `,
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: async () => {
          await signOut();
          showSignIn();
        },
      },
      'Sign out',
    ),
  );
  // The first page after signing in (or of a bare address) depends on the account's work (a brand owner: its portal).
  const home = landing(location.hash, can);
  if (home) history.replaceState(null, '', home);
  const route = parseRoute(location.hash);
  // The menu holds only the pages this account may use (router.ts: MENU and ROUTE_PERMISSIONS).
  nav.replaceChildren(
    ...menuFor(can).map((entry) =>
      h('a', { href: entry.href, class: entry.route === route.name || entry.route === `${route.name}s` ? 'active' : undefined }, entry.label),
    ),
  );
  window.__ringwatch?.view?.kill();
  window.__ringwatch = {};
  const needed = ROUTE_PERMISSIONS[route.name];
  if (!can(needed)) return void view.replaceChildren(failure(`This page needs the permission ${needed}, which your account does not have.`));
  try {
    switch (route.name) {
      case 'cases':
        return await casesView(view, route.params);
      case 'case':
        return await caseView(view, route.id!);
      case 'cluster':
        return await clusterView(view, route.id!, route.params);
      case 'shop':
        return await shopView(view, route.id!, route.params);
      case 'shutdowns':
        return await shutdownsView(view, route.params);
      case 'shutdown':
        return await shutdownView(view, route.id!);
      case 'alerts':
        return await alertsView(view, route.params);
      case 'reports':
        return await reportsView(view);
      case 'search':
        return await searchView(view, route.params);
      case 'model':
        return await modelView(view);
      case 'brand':
        return await brandView(view, route.id, route.params);
      case 'takedowns':
        return await takedownsView(view);
      case 'appeals':
        return await appealsView(view, route.params);
      case 'users':
        return await usersView(view);
      case 'audit':
        return await auditView(view, route.params);
      default:
        return await clustersView(view, route.params);
    }
  } catch (error) {
    if (error instanceof SignInRequired) return showSignIn();
    throw error;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  formError.textContent = '';
  signIn(String(data.get('username')), String(data.get('password'))).then(render, (error: unknown) => {
    formError.textContent = error instanceof Error ? error.message : String(error);
  });
});
window.addEventListener('hashchange', () => void render());
window.addEventListener(SIGNED_OUT, showSignIn);
// "/" focuses search from anywhere, as in most analyst tools.
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) {
    event.preventDefault();
    location.hash = '#/search';
  }
});
// A new tab takes the session of an open one before it asks anyone to sign in.
void joinSession(() => void render()).then(render);
// A view that failed while the database was away is drawn again once it is back.
watchDatabase(document.getElementById('db-banner')!, () => void render());
