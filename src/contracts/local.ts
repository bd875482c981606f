// Contract of the local gateway's persona session (local mode only; absent in production).
import * as z from 'zod/mini';

export const personaSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Staff roles this persona holds (from the `staff` collection). */
  roles: z.array(z.string()),
});

export const localSessionSchema = z.object({
  current: z.string(),
  personas: z.array(personaSchema),
});
export type LocalSession = z.infer<typeof localSessionSchema>;

export const switchPersonaSchema = z.object({ persona: z.string().check(z.minLength(1), z.maxLength(32)) });
