import type { Permission } from '@ringwatch/permissions';

/** Hash routes (#/clusters/C000042?run=…): bookmarkable, and the back button works. */
export interface Route {
  name:
    | 'cases'
    | 'case'
    | 'clusters'
    | 'cluster'
    | 'shop'
    | 'shutdowns'
    | 'shutdown'
    | 'alerts'
    | 'reports'
    | 'search'
    | 'model'
    | 'brand'
    | 'takedowns'
    | 'appeals'
    | 'users'
    | 'audit';
  id?: string;
  params: URLSearchParams;
}

/** What each page needs: its menu link is hidden, and the page refused, without it. */
export const ROUTE_PERMISSIONS: Record<Route['name'], Permission> = {
  cases: 'cases.read',
  case: 'cases.read',
  clusters: 'clusters.read',
  cluster: 'clusters.read',
  shop: 'shops.read',
  shutdowns: 'shutdowns.read',
  shutdown: 'shutdowns.read',
  alerts: 'alerts.read',
  reports: 'reports.read',
  search: 'search.read',
  model: 'schema.read',
  brand: 'brands.suspected',
  takedowns: 'takedowns.review',
  appeals: 'takedowns.appeal',
  users: 'users.manage',
  audit: 'audit.read',
};

/**
 * The menu, in order: each entry is shown only to accounts holding its page's permission (ROUTE_PERMISSIONS),
 * so no link leads to a refusal. The first entry an account may use is its landing page.
 */
export const MENU: readonly { href: string; label: string; route: Route['name'] }[] = [
  { href: '#/cases', label: 'Cases', route: 'cases' },
  { href: '#/clusters', label: 'Clusters', route: 'clusters' },
  { href: '#/shutdowns', label: 'Shutdowns', route: 'shutdowns' },
  { href: '#/alerts', label: 'Alerts', route: 'alerts' },
  { href: '#/takedowns', label: 'Takedowns', route: 'takedowns' },
  { href: '#/appeals', label: 'Appeals', route: 'appeals' },
  { href: '#/brand', label: 'Brand portal', route: 'brand' },
  { href: '#/reports', label: 'Reports', route: 'reports' },
  { href: '#/search', label: 'Search', route: 'search' },
  { href: '#/model', label: 'Data model', route: 'model' },
  { href: '#/admin/users', label: 'Users', route: 'users' },
  { href: '#/admin/audit', label: 'Audit', route: 'audit' },
];

/** The menu entries an account may use (`can`: the session's check, or a role's grants in tests). */
export const menuFor = (can: (permission: Permission) => boolean) => MENU.filter((entry) => can(ROUTE_PERMISSIONS[entry.route]));

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const [section, id] = path.split('/').map(decodeURIComponent);
  switch (section) {
    case 'cases':
      return id ? { name: 'case', id, params } : { name: 'cases', params };
    case 'clusters':
      return id ? { name: 'cluster', id, params } : { name: 'clusters', params };
    case 'shops':
      return { name: 'shop', id, params };
    case 'shutdowns':
      return id ? { name: 'shutdown', id, params } : { name: 'shutdowns', params };
    case 'alerts':
      return { name: 'alerts', params };
    case 'reports':
      return { name: 'reports', params };
    case 'search':
      return { name: 'search', params };
    case 'model':
      return { name: 'model', params };
    case 'brand':
      return { name: 'brand', id, params };
    case 'takedowns':
      return { name: 'takedowns', params };
    case 'appeals':
      return { name: 'appeals', params };
    case 'admin':
      return id === 'audit' ? { name: 'audit', params } : { name: 'users', params };
    default:
      return { name: 'clusters', params };
  }
}

/**
 * Where an empty route (#/ or nothing, as after signing in) takes the account: the people who work cases
 * (cases.write: analysts and supervisors) start from their inbox; an account that may not use the default
 * page starts from the first page of its menu (a brand owner: its portal); null keeps the default page.
 */
export function landing(hash: string, can: (permission: Permission) => boolean): string | null {
  if (hash.replace(/^#\/?/, '') !== '') return null;
  if (can('cases.write')) return '#/cases';
  const menu = menuFor(can);
  return menu.some((entry) => entry.route === parseRoute('').name) ? null : (menu[0]?.href ?? null);
}

export function go(path: string, params?: Record<string, string | number | undefined>): void {
  const query = params
    ? new URLSearchParams(
        Object.entries(params)
          .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
          .map(([k, v]) => [k, String(v)]),
      ).toString()
    : '';
  location.hash = `#/${path}${query ? `?${query}` : ''}`;
}
