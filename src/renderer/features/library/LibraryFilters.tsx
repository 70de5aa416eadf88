/** Search (title, author) and filters (kind, category, language, priority, approval, valid now). */
import { Button, Checkbox, Input, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { approvalStateSchema, contentKindSchema, priorityClassSchema } from '../../../shared/model/common'
import { BROADCAST_LANGUAGES } from './languages'
import { emptyFilter, isFilterActive, type LibraryFilter } from './library-filter'

export interface LibraryFiltersProps {
  filter: LibraryFilter
  categories: string[]
  onChange: (filter: LibraryFilter) => void
}

export function LibraryFilters({ filter, categories, onChange }: LibraryFiltersProps) {
  const { t } = useTranslation()
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K] | undefined) =>
    onChange({ ...filter, [key]: value ?? (key === 'isValidNow' ? false : null) })
  const select = <K extends 'kind' | 'category' | 'language' | 'priority' | 'approval'>(
    key: K,
    options: { value: string; label: string }[],
  ) => (
    <Select
      allowClear
      aria-label={t(`editor.filters.${key}`)}
      placeholder={t(`editor.filters.${key}`)}
      style={{ minWidth: 160 }}
      value={filter[key] ?? undefined}
      onChange={(v: string | undefined) => set(key, v as LibraryFilter[K] | undefined)}
      options={options}
    />
  )
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        aria-label={t('editor.filters.search')}
        placeholder={t('editor.filters.search')}
        style={{ width: 280 }}
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      {select(
        'kind',
        contentKindSchema.options.map((k) => ({ value: k, label: t(`editor.kinds.${k}`) })),
      )}
      {select(
        'category',
        categories.map((c) => ({ value: c, label: c })),
      )}
      {select(
        'language',
        BROADCAST_LANGUAGES.map((l) => ({ value: l, label: t(`editor.languages.${l}`) })),
      )}
      {select(
        'priority',
        priorityClassSchema.options.map((p) => ({ value: p, label: t(`editor.priorities.${p}`) })),
      )}
      {select(
        'approval',
        approvalStateSchema.options.map((s) => ({ value: s, label: t(`editor.approvalStates.${s}`) })),
      )}
      <Checkbox checked={filter.isValidNow} onChange={(e) => set('isValidNow', e.target.checked)}>
        {t('editor.filters.validNow')}
      </Checkbox>
      {isFilterActive(filter) && <Button onClick={() => onChange(emptyFilter)}>{t('editor.filters.clear')}</Button>}
    </Space>
  )
}
