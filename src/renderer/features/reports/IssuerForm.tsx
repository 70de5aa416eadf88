/**
 * Who issues and signs the report (printed in the DOCX and XLSX heading and signature block).
 * Typed once and kept on this computer; the commune and province names start from the station.
 */
import { Col, Form, Input, Row, type FormInstance } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportIssuerInput } from '../../db/queries/reports'

export interface IssuerFormValues extends Omit<ReportIssuerInput, 'recipients'> {
  /** One recipient per line. */
  recipients?: string
}

export const issuerFromValues = (v: IssuerFormValues): ReportIssuerInput => ({
  ...v,
  recipients: (v.recipients ?? '')
    .split('\n')
    .map((r) => r.trim())
    .filter((r) => r !== ''),
})

export interface IssuerFormProps {
  form: FormInstance<IssuerFormValues>
  initial: Partial<ReportIssuerInput> | undefined
}

const fields = [
  ['communeName', true],
  ['provinceName', true],
  ['governingBody', false],
  ['issuingBody', true],
  ['documentSymbol', false],
  ['place', true],
  ['signerAuthority', false],
  ['signerTitle', true],
  ['signerName', false],
] as const

export function IssuerForm({ form, initial }: IssuerFormProps) {
  const { t } = useTranslation()
  useEffect(() => {
    if (initial === undefined) return
    form.setFieldsValue({
      issuingBody: t('reports.issuer.defaults.issuingBody'),
      signerTitle: t('reports.issuer.defaults.signerTitle'),
      ...initial,
      recipients: (initial.recipients ?? []).join('\n'),
    })
  }, [form, initial, t])
  return (
    <Form form={form} layout="vertical" size="large">
      <Row gutter={16}>
        {fields.map(([name, isRequired]) => (
          <Col xs={24} md={8} key={name}>
            <Form.Item
              name={name}
              label={t(`reports.issuer.${name}`)}
              rules={[{ required: isRequired, whitespace: true, message: t('reports.issuer.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24}>
          <Form.Item
            name="recipients"
            label={t('reports.issuer.recipients')}
            extra={t('reports.issuer.recipientsHelp')}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  )
}
