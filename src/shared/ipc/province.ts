/**
 * province: the link to the province system as the main side keeps it — the server's address, who
 * signed in, and the token pair, stored encrypted with the OS keychain in Electron (safeStorage)
 * and, in the browser host, in a file of the data folder that only its owner may read. The
 * password never reaches the main side and is never stored: the renderer signs in, then saves the
 * tokens here. A 401 after one refresh clears them and the officer signs in again.
 */
import { z } from 'zod'
import { command } from './define'
import { provinceUrlSchema } from './uploads'

export const provinceSessionSchema = z.object({
  username: z.string().min(1).max(100),
  displayName: z.string().max(200),
  communeName: z.string().max(200),
  accessToken: z.string().min(1).max(8192),
  accessExpiresAt: z.iso.datetime(),
  refreshToken: z.string().min(1).max(8192),
  refreshExpiresAt: z.iso.datetime(),
})
export type ProvinceSession = z.infer<typeof provinceSessionSchema>

export const provinceConnectionSchema = z.object({
  serverUrl: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  communeName: z.string().nullable(),
  isSignedIn: z.boolean(),
  /** How the tokens are protected here: the OS keychain, or a file readable by its owner only. */
  protection: z.enum(['os-keychain', 'owner-only-file']),
})
export type ProvinceConnection = z.infer<typeof provinceConnectionSchema>

export const provinceCommands = {
  'province:connection': command(z.object({}), provinceConnectionSchema),
  'province:setServer': command(z.object({ serverUrl: provinceUrlSchema }), provinceConnectionSchema),
  'province:saveSession': command(provinceSessionSchema, provinceConnectionSchema),
  'province:session': command(z.object({}), z.object({ session: provinceSessionSchema.nullable() })),
  'province:signOut': command(z.object({}), provinceConnectionSchema),
}
