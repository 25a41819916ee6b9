// Fills a message template's `{name}` slots: the one interpolation the kiosk's and the admin's dictionaries share.
// A slot without a value stays as written, so a missing value shows instead of vanishing. Pure.

export type MessageValues = Record<string, string | number>;

export function fillMessage(template: string, values?: MessageValues): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (values && name in values ? String(values[name]) : slot));
}
