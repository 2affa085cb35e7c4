/**
 * A schema migration: kept as a TypeScript module exporting SQL (the swc build copies only
 * compiled code, not `.sql` files). Applied in `version` order, each at most once.
 */
export type Migration = { version: number; name: string; sql: string };
