/**
 * CSV for spreadsheets: lists joined with |, quoted where needed, and a leading = + - @ tab or CR defused,
 * because spreadsheet software would run such a cell as a formula (CSV injection).
 */
export function csvCell(value: unknown): string {
  const text = Array.isArray(value) ? value.join('|') : String(value ?? '');
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[head, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
