/**
 * The order of a session's device steps, as pure data: the engine walks these lists.
 *
 *   pre-roll:  the session's preRoll as given (relay on → RF on → DTMF zone code …), then the RDS
 *              programme service name when the session has an RDS encoder and its preRoll does
 *              not already set one;
 *   per item:  RDS radiotext = the item's title (the driver folds it to the RDS character set);
 *   post-roll: radiotext cleared, then the session's postRoll as given, then the OFF of every
 *              relay/RF the pre-roll switched on and the postRoll did not switch off (last on,
 *              first off). Zone off-codes never replace it: a session whose post-roll is only
 *              DTMF still ends with its relays and RF off. DTMF and RDS steps have no "off" the
 *              engine could guess, so they are left out.
 *   safe:      after the post-roll, the same offs (and the radiotext cleared) go to the host as
 *              the session's safe state (`hardware:onair` end), which it keeps until each lands.
 */
import type { DeviceAction, RundownItem, RundownSession } from '../../../shared/onair/rundown'

export type RollSession = Pick<RundownSession, 'preRoll' | 'postRoll' | 'rds'>

export function preRollSteps(session: RollSession): DeviceAction[] {
  const steps = [...session.preRoll]
  if (session.rds && !steps.some((s) => s.kind === 'rds-ps')) {
    steps.push({ kind: 'rds-ps', deviceId: session.rds.deviceId, text: session.rds.ps })
  }
  return steps
}

export function itemSteps(session: RollSession, item: Pick<RundownItem, 'title'>): DeviceAction[] {
  return session.rds ? [{ kind: 'rds-rt', deviceId: session.rds.deviceId, text: item.title.slice(0, 64) }] : []
}

/** The reverse of a pre-roll: relays and RF switched off, last on first off. */
export function reversedPreRoll(preRoll: readonly DeviceAction[]): DeviceAction[] {
  const out: DeviceAction[] = []
  for (const step of [...preRoll].reverse()) {
    switch (step.kind) {
      case 'relay':
      case 'rf':
        if (step.isOn) out.push({ ...step, isOn: false })
        break
      case 'dtmf':
      case 'rds-ps':
      case 'rds-rt':
      case 'wait':
        break
    }
  }
  return out
}

/** The same device and channel switched off (a relay's channel, an exciter's RF). */
function isSameOff(step: DeviceAction, off: DeviceAction): boolean {
  if (step.kind === 'relay' && off.kind === 'relay') {
    return step.deviceId === off.deviceId && step.channel === off.channel && !step.isOn
  }
  return step.kind === 'rf' && off.kind === 'rf' && step.deviceId === off.deviceId && !step.isOn
}

function clearRt(session: RollSession): DeviceAction[] {
  return session.rds ? [{ kind: 'rds-rt', deviceId: session.rds.deviceId, text: '' }] : []
}

export function postRollSteps(session: RollSession): DeviceAction[] {
  const missing = reversedPreRoll(session.preRoll).filter((off) => !session.postRoll.some((s) => isSameOff(s, off)))
  return [...clearRt(session), ...session.postRoll, ...missing]
}

/** Relay/RF steps of the safe state: what the host must keep off (and the radiotext clear) after the session. */
export type SafeStep = Extract<DeviceAction, { kind: 'relay' | 'rf' | 'rds-rt' }>

/** What must hold after the session, whatever the post-roll managed: pre-roll's relays and RF off, RT cleared. */
export function safeSteps(session: RollSession): SafeStep[] {
  return [...clearRt(session), ...reversedPreRoll(session.preRoll)].flatMap((s) =>
    s.kind === 'relay' || s.kind === 'rf' || s.kind === 'rds-rt' ? [s] : [],
  )
}

/** A short human-readable label of a step, for the as-played log (English, technical). */
export function describeStep(step: DeviceAction): string {
  switch (step.kind) {
    case 'relay':
      return `relay ${step.deviceId}#${step.channel} ${step.isOn ? 'on' : 'off'}`
    case 'rf':
      return `rf ${step.deviceId} ${step.isOn ? 'on' : 'off'}`
    case 'dtmf':
      return `dtmf ${step.code}`
    case 'rds-ps':
      return `rds-ps ${step.deviceId} "${step.text}"`
    case 'rds-rt':
      return `rds-rt ${step.deviceId} "${step.text}"`
    case 'wait':
      return `wait ${step.ms} ms`
  }
}
