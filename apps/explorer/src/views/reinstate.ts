import type { Reinstate, Reinstated } from '@ringwatch/wire';
import { can, postJson } from '../api';
import { h } from '../dom';

/**
 * An upheld appeal: a supervisor reinstates a suspended shop with a reason (POST /shops/:id/reinstate; the
 * listings its shutdown delisted come back). Shown only to accounts holding shop.reinstate. Without a fixed
 * shop (the shutdown record) the form asks which shop.
 */
export function reinstateForm(shopId: string | null, done: (result: Reinstated) => void): HTMLElement | null {
  if (!can('shop.reinstate')) return null;
  const shop = shopId === null ? h('input', { name: 'shop', placeholder: 'shop id', required: true, size: 14 }) : null;
  const reason = h('textarea', { name: 'reason', rows: 2, required: true, minlength: 10, placeholder: 'Appeal upheld: why (at least 10 characters)' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'reinstate', 'aria-label': 'Reinstate a shop' },
    h('h3', {}, shopId === null ? 'Reinstate a shop of this shutdown' : 'Reinstate this shop'),
    shop,
    reason,
    h('button', { type: 'submit', 'data-action': 'reinstate' }, 'Reinstate'),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const id = shopId ?? shop!.value.trim();
    postJson<Reinstated>(`/shops/${encodeURIComponent(id)}/reinstate`, { reason: reason.value.trim() } satisfies Reinstate).then(done, (e: unknown) => {
      error.textContent = e instanceof Error ? e.message : String(e);
    });
  });
  return form;
}

/** What a reinstatement did, in words. */
export const reinstatedNote = (r: Reinstated) =>
  h(
    'p',
    { class: 'notice', role: 'status', 'data-reinstated': r.id },
    `Shop ${r.id} reinstated: ${r.relisted} listing${r.relisted === 1 ? '' : 's'} relisted${r.shutdownId ? ` (suspended by shutdown ${r.shutdownId})` : ''}.`,
  );
