/**
 * Migration 5: the progressive preparation (spec §4a). Each item records the group it was handed to the
 * compiler in; the current group is the run's items still `compiling`. Never edit once released.
 */
export const migration005 = `
ALTER TABLE preparation_items ADD COLUMN group_number INTEGER;
`;
