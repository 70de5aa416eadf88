/** A tiny typed emitter: `on()` returns its unsubscribe. */
export type Listener<A> = (payload: A) => void

export interface Emitter<E extends Record<string, unknown>> {
  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void
  emit<K extends keyof E>(event: K, payload: E[K]): void
}

export function createEmitter<E extends Record<string, unknown>>(): Emitter<E> {
  const listeners = new Map<keyof E, Set<Listener<never>>>()
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as Listener<E[typeof event]>)(payload)
    },
  }
}
