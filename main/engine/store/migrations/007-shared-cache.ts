/**
 * Migration 7: the shared compilation cache in runs (spec §4d, §5). An item says where a compilation
 * taken from the shared cache came from (`{"environment", "uploadedAt"}`); a run that used the cache
 * keeps its counts (`{"hits", "misses", "refused", "uploaded", "errors"}`). Never edit once released.
 */
export const migration007 = `
ALTER TABLE preparation_items ADD COLUMN shared_origin_json TEXT;
ALTER TABLE preparation_runs ADD COLUMN shared_cache_json TEXT;
`;
