import { z } from 'zod';

/** What an artifact's two entries must hold (artifact-archive.ts); anything else is refused. */
export const manifestSchema = z.object({
  format: z.literal(1),
  inputHash: z.string().min(1),
  platformVersion: z.string().min(1),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  durationMs: z.number().nonnegative(),
  origin: z.object({ environment: z.string(), uploadedAt: z.string() }),
});

export const contentSchema = z.object({
  success: z.boolean(),
  interfaceHash: z.string().nullable(),
  js: z.record(z.string(), z.string()),
  declarations: z.record(z.string(), z.string()),
  diagnostics: z.array(
    z.object({
      message: z.string(),
      file: z.string().optional(),
      line: z.number().optional(),
      column: z.number().optional(),
    }),
  ),
});
