type Child = Node | string | number | null | undefined | false;

/** A small element builder: the explorer is plain DOM, no framework to learn or update. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | EventListener | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

export const fmtDate = (iso: string | null) => (iso ? iso.slice(0, 10) : '–');

/** A definition list from label–value pairs (details panels). */
export const facts = (pairs: readonly (readonly [string, Child])[]) =>
  h('dl', {}, pairs.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]).flat());
export const fmtNumber = (n: number) => n.toLocaleString('en');

/** The three states every view has besides its content. */
export const loading = (what: string) => h('p', { class: 'state loading', role: 'status' }, `Loading ${what}…`);
export const empty = (what: string) => h('p', { class: 'state empty' }, what);
export const failure = (error: unknown) => h('p', { class: 'state error', role: 'alert' }, error instanceof Error ? error.message : String(error));
