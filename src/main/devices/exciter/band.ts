/**
 * The licence limits for a commune FM station, checked before any value reaches an exciter.
 * Communes may use only 54–68 MHz (60–68 MHz preferred) at no more than 30 W; 87–108 MHz is for
 * central, provincial and district broadcasters, and old commune licences there are not renewed.
 * Source: requirement R12 and §6 of /work/shared/reference/domain-vietnam.md, after Sở TTTT Quảng
 * Nam (Tam Kỳ page): "Băng tần (54–68) MHz, được quy hoạch dành để triển khai hệ thống đài TTKD
 * cấp xã phường", equipment ≤ 30 W.
 * Errors are ServiceError 'invalid-input' with an English message; the UI translates by code.
 */
import { ServiceError } from '../../../shared/result'

export const COMMUNE_FM_BAND = {
  minMHz: 54,
  maxMHz: 68,
  preferredMinMHz: 60,
  maxPowerW: 30,
} as const

export function checkFrequencyMHz(mhz: number, decimals = 2): number {
  if (!Number.isFinite(mhz)) throw new ServiceError('invalid-input', `frequency must be a number of MHz, got ${mhz}`)
  if (mhz < COMMUNE_FM_BAND.minMHz || mhz > COMMUNE_FM_BAND.maxMHz) {
    throw new ServiceError(
      'invalid-input',
      `frequency ${mhz} MHz is outside the commune FM band ${COMMUNE_FM_BAND.minMHz}–${COMMUNE_FM_BAND.maxMHz} MHz`,
    )
  }
  const step = 10 ** -decimals
  if (Math.abs(Math.round(mhz / step) * step - mhz) > 1e-9) {
    throw new ServiceError('invalid-input', `frequency ${mhz} MHz must be a multiple of ${step.toFixed(decimals)} MHz`)
  }
  return mhz
}

/** `licenceMaxW` narrows the limit to what the station's own licence allows (never above 30 W). */
export function checkPowerW(watts: number, licenceMaxW: number = COMMUNE_FM_BAND.maxPowerW): number {
  const limit = Math.min(licenceMaxW, COMMUNE_FM_BAND.maxPowerW)
  if (!Number.isFinite(watts) || watts < 0) {
    throw new ServiceError('invalid-input', `power must be a number of watts ≥ 0, got ${watts}`)
  }
  if (watts > limit) {
    throw new ServiceError('invalid-input', `power ${watts} W is above the ${limit} W limit for this commune station`)
  }
  return watts
}

export const isPreferredFrequency = (mhz: number): boolean => mhz >= COMMUNE_FM_BAND.preferredMinMHz
