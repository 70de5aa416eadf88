/**
 * Tiny typed event emitter for devices: `on()` returns its own unsubscribe, listeners that throw
 * are isolated (one bad subscriber must not break a driver's reconnect loop).
 */
export type Unsubscribe = () => void

export interface Emitter<Events extends Record<string, unknown>> {
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): Unsubscribe
  emit<E extends keyof Events>(event: E, payload: Events[E]): void
  clear(): void
}

export function createEmitter<Events extends Record<string, unknown>>(
  onListenerError?: (error: unknown) => void,
): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>()
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const entry = listener as (payload: never) => void
      set.add(entry)
      return () => {
        set.delete(entry)
      }
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          ;(listener as (p: typeof payload) => void)(payload)
        } catch (error) {
          onListenerError?.(error)
        }
      }
    },
    clear() {
      listeners.clear()
    },
  }
}
