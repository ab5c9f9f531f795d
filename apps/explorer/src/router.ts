import type { Permission } from '@ringwatch/permissions';

/** Hash routes (#/clusters/C000042?run=…): bookmarkable, and the back button works. */
export interface Route {
  name: 'cases' | 'case' | 'clusters' | 'cluster' | 'shop' | 'shutdowns' | 'shutdown' | 'alerts' | 'reports' | 'search' | 'model';
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
};

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
    default:
      return { name: 'clusters', params };
  }
}

/**
 * Where an empty route (#/ or nothing, as after signing in) takes the account: the people who work cases
 * (cases.write: analysts and supervisors) start from their inbox; null keeps everyone else's first page.
 */
export function landing(hash: string, can: (permission: Permission) => boolean): string | null {
  return hash.replace(/^#\/?/, '') === '' && can('cases.write') ? '#/cases' : null;
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
