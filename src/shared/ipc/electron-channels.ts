/**
 * Electron IPC channel names of the preload transport (not domain channels). Kept in a file
 * without zod so the sandboxed preload bundle stays a few kilobytes.
 */
export const ELECTRON_INVOKE_CHANNEL = 'daixa:invoke'
export const ELECTRON_EVENT_CHANNEL = 'daixa:event'
