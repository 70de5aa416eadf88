/** Filters of the operation log: from / to (days, typed dd/MM/yyyy), who, what. */
import { Flex, Form, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { operationActions, type OperationAction } from '../../../shared/ipc/oplog'
import type { LocalUser } from '../../../shared/ipc/roles'
import { LocalDateInput } from '../../components/LocalDateInput'
import type { LogFilter } from './useOperationLog'

export interface OperationLogFiltersProps {
  filter: LogFilter
  users: LocalUser[]
  onChange(filter: LogFilter): void
}

export function OperationLogFilters({ filter, users, onChange }: OperationLogFiltersProps) {
  const { t } = useTranslation()
  return (
    <Form layout="vertical">
      <Flex gap={12} wrap>
        <Form.Item label={t('oplog.filters.from')}>
          <LocalDateInput
            aria-label={t('oplog.filters.from')}
            value={filter.fromDay}
            allowClear
            onChange={(fromDay) => onChange({ ...filter, fromDay })}
            style={{ width: 170 }}
          />
        </Form.Item>
        <Form.Item label={t('oplog.filters.to')}>
          <LocalDateInput
            aria-label={t('oplog.filters.to')}
            value={filter.toDay}
            allowClear
            onChange={(toDay) => onChange({ ...filter, toDay })}
            style={{ width: 170 }}
          />
        </Form.Item>
        <Form.Item label={t('oplog.filters.user')}>
          <Select<string | null>
            aria-label={t('oplog.filters.user')}
            style={{ minWidth: 200 }}
            value={filter.userId}
            onChange={(userId) => onChange({ ...filter, userId })}
            options={[
              { value: null, label: t('oplog.filters.anyone') },
              ...users.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('oplog.filters.action')}>
          <Select<OperationAction | null>
            aria-label={t('oplog.filters.action')}
            style={{ minWidth: 220 }}
            value={filter.action}
            onChange={(action) => onChange({ ...filter, action })}
            options={[
              { value: null, label: t('oplog.filters.anything') },
              ...operationActions.map((a) => ({ value: a, label: t(`oplog.actions.${a}`) })),
            ]}
          />
        </Form.Item>
      </Flex>
    </Form>
  )
}
