/**
 * roles: optional local users of the station laptop — cán bộ (officer), người duyệt (approver),
 * người xem (viewer) — each with a PIN that main keeps only as a slow salted hash (scrypt). With no
 * user defined, roles are off and everything is allowed (each action is still logged, without a
 * name). The first user must be an approver, so the laptop is never locked out.
 *
 * Guarded actions need a role from `ROLE_PERMISSIONS`. The renderer asks `roles:authorize` before
 * doing one: main checks the signed-in user, or the PIN of the user named in `by` (a second person
 * stepping in: the approver approving at the officer's desk), and answers a one-use grant; the
 * action is then logged with `oplog:record {grant}` (main-side actions — device changes — consume
 * the grant and log themselves). A refused check is logged too.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { command } from './define'

export const localRoles = ['officer', 'approver', 'viewer'] as const
export const localRoleSchema = z.enum(localRoles)
export type LocalRole = z.infer<typeof localRoleSchema>

export const guardedActions = ['approve', 'play-now', 'delete', 'device-change', 'manage-users'] as const
export const guardedActionSchema = z.enum(guardedActions)
export type GuardedAction = z.infer<typeof guardedActionSchema>

/** Who may do what. A viewer may do none of these. */
export const ROLE_PERMISSIONS: Readonly<Record<GuardedAction, readonly LocalRole[]>> = {
  approve: ['approver'],
  'play-now': ['officer', 'approver'],
  delete: ['officer', 'approver'],
  'device-change': ['approver'],
  'manage-users': ['approver'],
}

export const mayDo = (role: LocalRole, action: GuardedAction): boolean => ROLE_PERMISSIONS[action].includes(role)

/** 4 to 8 digits. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')

export const localUserSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(100),
  role: localRoleSchema,
  createdAt: z.iso.datetime(),
})
export type LocalUser = z.infer<typeof localUserSchema>

export const rolesStateSchema = z.object({
  /** True once at least one user exists. */
  isEnabled: z.boolean(),
  users: z.array(localUserSchema),
  /** Who is signed in on this laptop (null: nobody). */
  current: localUserSchema.nullable(),
})
export type RolesState = z.infer<typeof rolesStateSchema>

/** Another user's PIN, given on the spot. */
export const credentialsSchema = z.object({ userId: idSchema, pin: pinSchema })
export type Credentials = z.infer<typeof credentialsSchema>

/** What an action is done to, as the log names it. */
export const logObjectSchema = z.object({
  kind: z.string().min(1).max(40),
  id: z.string().max(100).nullable(),
  label: z.string().max(300),
})
export type LogObject = z.infer<typeof logObjectSchema>

export const refusalReasonSchema = z.enum(['no-user', 'wrong-pin', 'locked', 'role'])
export type RefusalReason = z.infer<typeof refusalReasonSchema>

/** A refusal says why; `retryAfterSeconds` for a PIN locked after wrong tries. */
export const refusalSchema = z.object({
  ok: z.literal(false),
  reason: refusalReasonSchema,
  role: localRoleSchema.nullable(),
  retryAfterSeconds: z.number().int().nonnegative().nullable(),
})
export type Refusal = z.infer<typeof refusalSchema>

export const grantSchema = z.object({
  ok: z.literal(true),
  /** One use, for this action and object, for a minute. */
  grant: z.string().min(16).max(100),
  /** Who it is for; null with roles off. */
  user: localUserSchema.nullable(),
})
export type Grant = z.infer<typeof grantSchema>

export const signInAnswerSchema = z.union([z.object({ ok: z.literal(true), state: rolesStateSchema }), refusalSchema])

export const rolesCommands = {
  'roles:state': command(z.object({}), rolesStateSchema),
  'roles:signIn': command(credentialsSchema, signInAnswerSchema),
  'roles:signOut': command(z.object({}), rolesStateSchema),
  'roles:addUser': command(
    z.object({
      name: z.string().trim().min(1).max(100),
      role: localRoleSchema,
      pin: pinSchema,
      by: credentialsSchema.optional(),
    }),
    signInAnswerSchema,
  ),
  'roles:removeUser': command(z.object({ id: idSchema, by: credentialsSchema.optional() }), signInAnswerSchema),
  'roles:authorize': command(
    z.object({ action: guardedActionSchema, object: logObjectSchema, by: credentialsSchema.optional() }),
    z.union([grantSchema, refusalSchema]),
  ),
}
