// Contract of the `portal` cloud function: the agency's profile and its columns (data, not code, so
// another agency can run the product with its own profile).
import * as z from 'zod/mini';
import { defineAction, defineFunction } from './core';

export const columnSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  /** `available` columns open a page; `planned` ones are shown as coming soon. */
  status: z.enum(['available', 'planned']),
  /** Mini-app route for available columns. */
  route: z.optional(z.string()),
});
export type Column = z.infer<typeof columnSchema>;

export const agencyProfileSchema = z.object({
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  email: z.string(),
  /** Where the contact figures were read (e.g. the 2023 annual report's preamble). */
  source: z.string(),
  columns: z.array(columnSchema),
});
export type AgencyProfile = z.infer<typeof agencyProfileSchema>;

export const whoamiSchema = z.object({
  signedIn: z.boolean(),
  /** Staff roles of the caller (from the staff collection); empty for citizens. */
  roles: z.array(z.enum(['clerk', 'reviewer', 'admin'])),
  staffName: z.optional(z.string()),
  /** Today in Asia/Shanghai by the server's clock: forms default their dates to it, not to the device's. */
  today: z.string(),
});
export type Whoami = z.infer<typeof whoamiSchema>;

export const portalContract = defineFunction({
  name: 'portal',
  summary: '机构信息与栏目',
  actions: {
    getProfile: defineAction({
      summary: 'The agency profile: name, contact details and columns.',
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: agencyProfileSchema,
    }),
    whoami: defineAction({
      summary: "The caller's sign-in state and staff roles, so the app can offer the staff console.",
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: whoamiSchema,
    }),
  },
});
