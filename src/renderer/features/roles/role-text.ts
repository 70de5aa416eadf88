/** The officer's words for a refusal (translated; names who was refused and what to do). */
import type { TFunction } from 'i18next'
import type { GuardedAction, LocalUser, Refusal } from '../../../shared/ipc/roles'

export function refusalText(t: TFunction, refusal: Refusal, action: GuardedAction, current: LocalUser | null): string {
  switch (refusal.reason) {
    case 'no-user':
      return t('roles.refusal.no-user')
    case 'wrong-pin':
      return t('roles.refusal.wrong-pin')
    case 'locked':
      return t('roles.refusal.locked', { seconds: refusal.retryAfterSeconds ?? 30 })
    case 'role': {
      const role = refusal.role ?? current?.role ?? 'viewer'
      return t('roles.refusal.role', {
        name: current?.name ?? '',
        role: t(`roles.role.${role}`),
        action: t(`roles.actions.${action}`),
      })
    }
  }
}
