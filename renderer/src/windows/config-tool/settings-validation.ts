/** Limits of the compilation settings, as the contract's `settings.save` schema enforces them. */
export const PARALLEL_LIMITS = { min: 1, max: 64 };
export const TIME_LIMIT_LIMITS = { min: 5, max: 3600 };

/** Checks a number field's text; returns the admin-facing error, or null when valid. */
export function validateWholeNumber(text: string, label: string, limits: { min: number; max: number }): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `${label} is required.`;
  if (!/^\d+$/.test(trimmed)) return `${label} must be a whole number.`;
  const value = Number(trimmed);
  if (value < limits.min || value > limits.max) return `${label} must be between ${limits.min} and ${limits.max}.`;
  return null;
}
