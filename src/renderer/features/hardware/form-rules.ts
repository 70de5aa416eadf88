/** antd form rules built from the bridge's zod schemas, so the form refuses what the host would. */
import type { FormRule } from 'antd'
import type { z } from 'zod'

/** Empty values pass (a separate `required` rule says when a value is needed). */
export const zodRule = (schema: z.ZodType, message: string): FormRule => ({
  validator: (_rule, value: unknown) =>
    value === undefined || value === null || value === '' || schema.safeParse(value).success
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
})
