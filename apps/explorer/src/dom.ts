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
/** What a failure says to a person: an error's message (the server's own words), never "Error: …". */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
export const failure = (error: unknown) => h('p', { class: 'state error', role: 'alert' }, messageOf(error));

/**
 * Keyboard rows for a table of links: ↑↓ or j/k move a cursor, Enter opens the row under it. Returns
 * `focus(i)`, to put the cursor somewhere (e.g. the first row) once the table is on the page.
 */
export function keyboardRows(table: HTMLElement, rows: readonly HTMLElement[], open: (index: number) => void): (index: number) => void {
  let cursor = 0;
  const focus = (i: number) => {
    cursor = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, j) => r.classList.toggle('cursor', j === cursor));
    rows[cursor]!.focus();
  };
  table.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'j') focus(cursor + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') focus(cursor - 1);
    else if (event.key === 'Enter') open(cursor);
    else return;
    event.preventDefault();
  });
  return focus;
}
