import { toCsv } from '#dispatch';
import { API_PREFIX } from '../../api/http';

// CSV files for the operator: a table's own rows made here (the same writer as the API's), or a file the API
// makes (`Accept: text/csv`), saved through a temporary link so the browser's download manager takes it.

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads rows as CSV (with a BOM so spreadsheet programs read Korean text as UTF-8). */
export function downloadRows(
  name: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): void {
  save(name, new Blob(['\ufeff', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
}

/** Downloads what an API route answers to `Accept: text/csv`. */
export async function downloadApiCsv(path: string, token: string | null, name: string): Promise<void> {
  const res = await fetch(`${API_PREFIX}${path}`, {
    headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  save(name, new Blob([await res.text()], { type: 'text/csv;charset=utf-8' }));
}
