// PostgreSQL takes at most 65,535 parameters in one statement, and a multi-row INSERT spends one
// per column of every row: a national tick writes tens of thousands of rows. Everything written
// in bulk goes through here, in statements that stay well below the limit.

/** Parameters per statement: half the protocol's limit, so that a row with a column more still fits. */
export const MAX_PARAMETERS = 32_000;

/** Consecutive slices of `rows`, each with at most `maxParameters` values of `columns` per row. */
export function batches<T>(rows: readonly T[], columns: number, maxParameters = MAX_PARAMETERS): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Writes row objects (column → value) in batches: `write` gets each slice in turn, and what each
 * returns (a RETURNING list) comes back joined, in order. Columns are counted over every row, as a
 * multi-row INSERT lists the union of its rows' columns.
 */
export async function inBatches<T extends object, R>(
  rows: readonly T[],
  write: (batch: T[]) => Promise<R[]>,
  maxParameters = MAX_PARAMETERS,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  const out: R[] = [];
  for (const batch of batches(rows, columns.size, maxParameters)) out.push(...(await write(batch)));
  return out;
}
