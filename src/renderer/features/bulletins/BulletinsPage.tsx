/**
 * Bản tin: the list of bulletins on the left, the chosen one's editor beside it. A bulletin is
 * an ordered list of parts (jingles, announcements, province programs) joined by gaps or crossfades, exported as one file.
 */
import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Col, Empty, List, Popconfirm, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorCodeOf } from '../../bridge/bridge'
import { formatDateTime } from '../../components/format'
import { BulletinEditor } from './BulletinEditor'
import { useBulletin, useBulletinList } from './useBulletins'

function OpenBulletin({ id }: { id: string }) {
  const { bulletin, ...sources } = useBulletin(id)
  if (!bulletin) return null
  return <BulletinEditor bulletin={bulletin} {...sources} />
}

export function BulletinsPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { bulletins, create, remove } = useBulletinList()
  const [openId, setOpenId] = useState<string | null>(null)
  const current = openId ?? bulletins?.[0]?.id ?? null

  const add = async () => {
    try {
      const b = await create(
        t('bulletins.defaultTitle', { date: formatDateTime(new Date().toISOString(), i18n.language) }),
      )
      setOpenId(b.id)
    } catch (error) {
      void message.error(t(`errors.${errorCodeOf(error)}`))
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('bulletins.title')}</Typography.Title>
      {/* No wrap: the list keeps its column beside the editor instead of sliding under it. */}
      <Row gutter={24} wrap={false}>
        <Col flex="280px">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void add()}>
              {t('bulletins.new')}
            </Button>
            <List
              aria-label={t('bulletins.list')}
              dataSource={bulletins ?? []}
              locale={{ emptyText: t('bulletins.empty') }}
              rowKey={(b) => b.id}
              renderItem={(b) => (
                <List.Item
                  style={{ background: b.id === current ? '#e6f4ff' : undefined, paddingInline: 8 }}
                  actions={[
                    <Popconfirm
                      key="del"
                      title={t('bulletins.confirmDelete', { title: b.title })}
                      onConfirm={() => void remove(b.id)}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                    >
                      <Button size="small" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>,
                  ]}
                >
                  <Button
                    type="link"
                    onClick={() => setOpenId(b.id)}
                    // height auto: a wrapped title grows the button instead of spilling over its neighbours.
                    style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                  >
                    {b.title}
                  </Button>
                </List.Item>
              )}
            />
          </Space>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {current ? <OpenBulletin key={current} id={current} /> : <Empty description={t('bulletins.empty')} />}
        </Col>
      </Row>
    </Space>
  )
}
