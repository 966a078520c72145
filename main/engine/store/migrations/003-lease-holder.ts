/** Migration 3: the lock holder's process start time, so a reused pid is not mistaken for the holder. */
export const migration003 = `
ALTER TABLE locks ADD COLUMN pid_start TEXT;
`;
