/**
 * Building blocks of the bridge contract. A command is an input schema and an output schema;
 * an event is a payload schema. Channel names are the keys of the domain maps (`domain:verb`),
 * and appear nowhere else in the code base.
 */
import type { z } from 'zod'

export interface CommandDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly payload: P
}

export const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CommandDef<I, O> => ({
  input,
  output,
})

export const event = <P extends z.ZodType>(payload: P): EventDef<P> => ({ payload })
