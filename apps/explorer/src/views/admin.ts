import { ROLES, type Role } from '@ringwatch/permissions';
import type { AuditPage, BrandList } from '@ringwatch/wire';
import { deleteJson, download, getJson, patchJson, postJson, session } from '../api';
import { empty, failure, fmtDate, h, loading } from '../dom';
import { go } from '../router';

/** A user as GET /users lists it (the API's UserSchema). */
interface User {
  username: string;
  roles: Role[];
  brands: string[];
  active: boolean;
  createdAt: string;
}

/** A generated password, shown once: the API never answers it again, so the admin copies it now. */
const passwordOnce = (username: string, password: string) =>
  h(
    'div',
    { class: 'password-once', role: 'alert' },
    `Password for ${username} (shown once, copy it now): `,
    h('code', { 'data-password': username }, password),
  );

const roleBoxes = (name: string, checked: readonly string[]) =>
  h(
    'span',
    { class: 'roles' },
    ROLES.map((role) => h('label', {}, h('input', { type: 'checkbox', name, value: role, checked: checked.includes(role) }), ` ${role} `)),
  );

const brandSelect = (name: string, known: readonly string[], selected: readonly string[]) =>
  h(
    'select',
    { name, multiple: true, size: Math.min(4, Math.max(2, known.length)), 'aria-label': 'Brands' },
    [...new Set([...known, ...selected])].map((b) => h('option', { value: b, selected: selected.includes(b) }, b)),
  );

/** Brands matter only to brand owners: the picker shows while the brand_owner role is ticked. */
function brandsFollowRole(scope: HTMLElement, rolesName: string, select: HTMLSelectElement): void {
  const box = scope.querySelector<HTMLInputElement>(`input[name="${rolesName}"][value=brand_owner]`)!;
  const sync = () => (select.hidden = !box.checked);
  box.addEventListener('change', sync);
  sync();
}

const checkedRoles = (form: HTMLElement, name: string) =>
  [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value as Role);
const selectedBrands = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);

/**
 * The admin console's users: create (the API generates the password and shows it once), change roles or
 * brands (brands picked from the ones the data knows), deactivate or activate, reset the password, delete.
 * Every change but creation revokes the user's open sessions (the API bumps the token version).
 */
export async function usersView(root: HTMLElement): Promise<void> {
  root.replaceChildren(loading('users'));
  let users: User[];
  let brands: string[];
  try {
    [users, { brands }] = await Promise.all([getJson<User[]>('/users?limit=200'), getJson<BrandList>('/brands')]);
  } catch (error) {
    return void root.replaceChildren(failure(error));
  }
  const notice = h('div', { class: 'notice' });
  const act = async (what: () => Promise<HTMLElement | string | null>) => {
    try {
      const shown = await what();
      await usersView(root);
      if (shown) root.querySelector('.notice')!.replaceChildren(shown);
    } catch (error) {
      notice.replaceChildren(failure(error));
    }
  };

  const createForm = h(
    'form',
    { class: 'filters create-user', 'aria-label': 'New user' },
    h('input', { name: 'username', placeholder: 'username', required: true, pattern: '[a-z][a-z0-9._\\-]{2,63}' }),
    roleBoxes('new-roles', []),
    brandSelect('new-brands', brands, []),
    h('button', { type: 'submit' }, 'Create user'),
  );
  brandsFollowRole(createForm, 'new-roles', createForm.querySelector('select')!);
  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const username = (createForm.elements.namedItem('username') as HTMLInputElement).value.trim();
    const body = { username, roles: checkedRoles(createForm, 'new-roles'), brands: selectedBrands(createForm.querySelector('select')!) };
    void act(async () => {
      const created = await postJson<User & { password?: string }>('/users', body);
      return created.password ? passwordOnce(created.username, created.password) : `${created.username} created.`;
    });
  });

  const me = session.me()?.username;
  const row = (u: User) => {
    const select = brandSelect(`brands-${u.username}`, brands, u.brands);
    const cells = h('tr', { 'data-user': u.username, 'data-active': String(u.active) });
    const user = encodeURIComponent(u.username);
    cells.append(
      h('td', {}, h('strong', {}, u.username)),
      h('td', {}, roleBoxes(`roles-${u.username}`, u.roles)),
      h('td', {}, select),
      h('td', {}, h('span', { class: `badge ${u.active ? 'status-ok' : 'status-rejected'}` }, u.active ? 'active' : 'deactivated')),
      h('td', {}, fmtDate(u.createdAt)),
      h(
        'td',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            'data-action': 'save',
            onclick: () =>
              void act(async () => {
                await patchJson(`/users/${user}`, { roles: checkedRoles(cells, `roles-${u.username}`), brands: selectedBrands(select) });
                return `${u.username}: roles and brands saved; open sessions signed out.`;
              }),
          },
          'Save',
        ),
        ' ',
        u.username === me
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                'data-action': u.active ? 'deactivate' : 'activate',
                onclick: () =>
                  void act(async () => {
                    await patchJson(`/users/${user}`, { active: !u.active });
                    return `${u.username} ${u.active ? 'deactivated: its open sessions are signed out' : 'activated'}.`;
                  }),
              },
              u.active ? 'Deactivate' : 'Activate',
            ),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'reset',
            onclick: () =>
              void act(async () => {
                const generated = await postJson<{ username: string; password: string }>(`/users/${user}/password`, {});
                return passwordOnce(generated.username, generated.password);
              }),
          },
          'Reset password',
        ),
        ' ',
        u.username === me
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'secondary danger',
                'data-action': 'delete',
                onclick: () => {
                  if (!confirm(`Delete ${u.username}? This cannot be undone.`)) return;
                  void act(async () => {
                    await deleteJson(`/users/${user}`);
                    return `${u.username} deleted.`;
                  });
                },
              },
              'Delete',
            ),
      ),
    );
    brandsFollowRole(cells, `roles-${u.username}`, select);
    return cells;
  };

  root.replaceChildren(
    h(
      'section',
      { class: 'page admin-users' },
      h('h2', {}, 'Users'),
      notice,
      h('h3', {}, 'New user'),
      h('p', { class: 'muted' }, 'A password is generated and shown once. A brand owner needs a brand the data knows.'),
      createForm,
      h(
        'table',
        { class: 'users', 'aria-label': 'Users' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['User', 'Roles', 'Brands', 'Status', 'Created', ''].map((t) => h('th', {}, t)),
          ),
        ),
        h('tbody', {}, users.map(row)),
      ),
    ),
  );
}

/**
 * The audit trail, filtered by the API over the whole trail: action and actor exactly, target by a part of
 * it, days from and to (UTC, inclusive). The newest 200 matching are shown; CSV exports every matching event
 * (GET /audit/export.csv, which records the export).
 */
export async function auditView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  root.replaceChildren(loading('audit trail'));
  const filter = (name: string) => params.get(name)?.trim() ?? '';
  const query = new URLSearchParams({ limit: '200' });
  for (const name of ['action', 'actor', 'target', 'from', 'to']) if (filter(name)) query.set(name, filter(name));
  let page: AuditPage;
  try {
    page = await getJson<AuditPage>(`/audit?${query}`);
  } catch (error) {
    return void root.replaceChildren(failure(error));
  }
  const from = filter('from');
  const to = filter('to');
  const shown = page.items;
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Audit filters' },
    h('label', {}, 'Actor ', h('input', { name: 'actor', value: filter('actor'), size: 12 })),
    h('label', {}, 'Action ', h('input', { name: 'action', value: filter('action'), size: 16, placeholder: 'user.update' })),
    h('label', {}, 'Target contains ', h('input', { name: 'target', value: filter('target'), size: 14 })),
    h('label', {}, 'From ', h('input', { name: 'from', type: 'date', value: from })),
    h('label', {}, 'To ', h('input', { name: 'to', type: 'date', value: to })),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go('admin/audit', Object.fromEntries(['actor', 'action', 'target', 'from', 'to'].map((k) => [k, String(data.get(k) ?? '').trim()])));
  });
  const exportCsv = h('button', { type: 'button', class: 'secondary', 'data-action': 'csv' }, `Export all ${page.total} as CSV`);
  const exportStatus = h('span', { class: 'muted', role: 'status' });
  exportCsv.addEventListener('click', () => {
    const all = new URLSearchParams(query);
    all.delete('limit');
    exportStatus.textContent = ' Exporting…';
    download(`/audit/export.csv?${all}`).then(
      () => (exportStatus.textContent = ` ${page.total} events exported.`),
      (error: unknown) => (exportStatus.textContent = ` ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  root.replaceChildren(
    h(
      'section',
      { class: 'page admin-audit' },
      h('h2', {}, 'Audit trail'),
      form,
      h(
        'p',
        { class: 'muted' },
        `${shown.length} shown of ${page.total} matching in the trail${page.total > page.items.length ? ` (the newest ${page.items.length} loaded)` : ''}. `,
        exportCsv,
        exportStatus,
      ),
      shown.length === 0
        ? empty('No audit event matches.')
        : h(
            'table',
            { class: 'audit', 'aria-label': 'Audit trail' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['When (UTC)', 'Actor', 'Action', 'Target', 'Change'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              shown.map((e) =>
                h(
                  'tr',
                  { 'data-action': e.action },
                  h('td', {}, e.at.slice(0, 19).replace('T', ' ')),
                  h('td', {}, e.actor),
                  h('td', {}, e.action),
                  h('td', {}, e.target),
                  h(
                    'td',
                    { class: 'change' },
                    e.before && e.before !== 'null' ? h('div', { class: 'muted' }, `before ${e.before}`) : null,
                    e.after && e.after !== 'null' ? h('div', {}, e.after) : null,
                  ),
                ),
              ),
            ),
          ),
    ),
  );
}
