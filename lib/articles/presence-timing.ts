/**
 * How "Also open by …" keeps time, in one place for the editor (which beats)
 * and the server (which forgets). Pure: the client imports it.
 *
 * A tab that closes says so at once (a `leave`), so the name goes with the
 * others' next beat; the expiry only covers a tab that could not say so (a
 * crash, a lost connection): three missed beats.
 */
export const PRESENCE_BEAT_MS = 5_000;
export const PRESENCE_TTL_MS = 3 * PRESENCE_BEAT_MS;
