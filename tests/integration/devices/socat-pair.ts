/**
 * Kept so the e2e specs (tests/e2e/specs/hardware.spec.ts, onair.spec.ts) and docs/devices.md
 * still find the virtual serial cable here; it lives in tests/support/serial-pair.ts.
 */
export { startSocatPair, type SocatPair } from '../../support/serial-pair'
