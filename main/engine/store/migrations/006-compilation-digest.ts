/**
 * Migration 6: every stored compilation carries the digest of what it holds (spec §4d), verified
 * before any reuse. Existing compilations get theirs computed here (`compilation_digest`, the SQL
 * function registered by `registerStoreFunctions`); one whose stored JSON can't be read gets none,
 * so it is never reused and is compiled again. Never edit once released.
 */
export const migration006 = `
ALTER TABLE artifacts ADD COLUMN digest TEXT;
UPDATE artifacts SET digest = compilation_digest(success, interface_hash, js_json, declarations_json, diagnostics_json);
`;
