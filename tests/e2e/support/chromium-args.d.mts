/** Types for chromium-args.mjs. */
export const CHROMIUM_ARGS: string[]
export function fakeMicArgs(wavPath: string): string[]
