/**
 * Named prepared statements for the hot queries, opted into one by one. A statement whose text
 * starts with preparedMarker(name) is sent to PostgreSQL as a named statement: parsed and planned
 * once per connection, then only bound and executed (no query text on the wire, no parse on the
 * server, which shares the machine's cores with the bot). Opt-in rather than every statement:
 * a prepared `select *` fails once a migration changes its table, and statements with a varying
 * text (IN lists) would pile up on the server for the connection's lifetime.
 */

const MARKER = /^\/\* prepared:([a-z0-9_]{1,50}) \*\//;

/** A comment to put first in a statement's text; names stay short and plain (they go on the wire). */
export function preparedMarker(name: string): string {
  if (!/^[a-z0-9_]{1,50}$/.test(name)) throw new Error(`not a statement name: ${name}`);
  return `/* prepared:${name} */`;
}

/** The statement name a text asks for, if any. */
export function preparedNameOf(text: string): string | undefined {
  return text.startsWith("/* prepared:") ? MARKER.exec(text)?.[1] : undefined;
}

/** What the pg client's query needs to be (an object with a name and text) for a marked text. */
type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Makes `client.query(text, values)` — how Kysely's PostgresDialect calls it — send a marked text
 * as a named statement. Called once per pooled connection (pg's pool "connect" event).
 */
export function namePreparedStatements(client: { query: Query }): void {
  const query = client.query.bind(client) as Query;
  client.query = (config, values, callback) => {
    if (typeof config === "string" && (values === undefined || Array.isArray(values))) {
      const name = preparedNameOf(config);
      if (name !== undefined) return query({ name, text: config, values }, callback);
    }
    return query(config, values, callback);
  };
}
