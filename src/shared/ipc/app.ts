/** app: what the host is and how to reach its media; language for host-side UI (menus). */
import { z } from 'zod'
import { command, event } from './define'

export const languageSchema = z.enum(['vi', 'en'])
export type Language = z.infer<typeof languageSchema>

export const hostKindSchema = z.enum(['electron', 'browser'])

export const appInfoSchema = z.object({
  version: z.string(),
  host: hostKindSchema,
  platform: z.string(),
  /** Base URL under which `<hash>.wav` files are served with HTTP Range support. */
  mediaBaseUrl: z.string(),
  dataDir: z.string(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const appCommands = {
  'app:info': command(z.object({}), appInfoSchema),
}

export const appEvents = {
  /** A host-side menu item chosen by the officer (Electron menu); the renderer acts on it. */
  'app:menu': event(
    z.object({
      action: z.enum([
        'open-settings',
        'open-library',
        'open-record',
        'open-hardware',
        'open-clusters',
        'open-reports',
      ]),
    }),
  ),
}
