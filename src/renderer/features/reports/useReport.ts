/**
 * The report on screen: the input read live from Dexie, computed for the chosen period in the
 * renderer (pure and fast: a year of 10,000 entries in well under a second, `npm run bench:report`).
 * The files are rendered by the main process from the same input (useReportExport).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { computeReport } from '../../../shared/reports/compute'
import { appDatabase } from '../../db/database'
import { readReportInput } from '../../db/queries/reports'
import { defaultChoice, specOf, yearOptions, type PeriodChoice } from './period-choice'

export function useReport() {
  const input = useLiveQuery(() => readReportInput(appDatabase()), [])
  const [nowMs] = useState(() => Date.now())
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultChoice(nowMs))
  const spec = useMemo(() => specOf(choice), [choice])
  const report = useMemo(() => (input === undefined ? null : computeReport(input, spec)), [input, spec])
  const years = useMemo(() => {
    const earliest = [input?.plays[0]?.plannedStart, input?.library[0]?.createdAt]
      .filter((x): x is string => x !== undefined)
      .sort()[0]
    const list = yearOptions(nowMs, earliest ?? null)
    return list.includes(choice.year) ? list : [...list, choice.year].sort((a, b) => b - a)
  }, [input, choice.year, nowMs])
  return { report, choice, setChoice, spec, years }
}
