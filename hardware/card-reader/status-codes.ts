// SW3 status codes of the SAM reader (reference/hardware.md §1.4) as named codes with zh-CN text.
// Pure data and a lookup; no I/O.

export const samStatusCodes = {
  0x90: { code: 'ok', text: '操作成功' },
  0x9f: { code: 'card_found', text: '寻找证/卡成功' },
  0x91: { code: 'item_absent', text: '证/卡中此项无内容' },
  0x10: { code: 'host_checksum_error', text: '接收业务终端数据的校验和错' },
  0x11: { code: 'host_length_error', text: '接收数据长度错' },
  0x21: { code: 'host_command_error', text: '接收业务终端的命令错' },
  0x23: { code: 'operation_not_permitted', text: '越权操作' },
  0x24: { code: 'unrecognised_error', text: '无法识别的错误' },
  0x31: { code: 'card_rejected_sam', text: '证/卡认证SAM失败' },
  0x32: { code: 'sam_rejected_card', text: 'SAM认证证/卡失败' },
  0x33: { code: 'information_verification_error', text: '信息验证错误' },
  0x40: { code: 'card_type_wrong', text: '无法识别的卡类型' },
  0x41: { code: 'card_read_failed', text: '读证/卡操作失败' },
  0x47: { code: 'random_number_failed', text: '取随机数失败' },
  0x60: { code: 'sam_self_test_failed', text: 'SAM自检失败' },
  0x66: { code: 'sam_not_authorised', text: 'SAM未经授权' },
  0x80: { code: 'card_not_found', text: '寻找证/卡失败' },
  0x81: { code: 'card_select_failed', text: '选取证/卡失败' },
} as const;

export type SamStatusCode = (typeof samStatusCodes)[keyof typeof samStatusCodes]['code'] | 'status_unknown';

/** Names an SW3 byte; bytes outside the table are `status_unknown`. */
export function describeSamStatus(sw3: number): { readonly code: SamStatusCode; readonly text: string } {
  const entry = (samStatusCodes as Record<number, { code: SamStatusCode; text: string } | undefined>)[sw3];
  return entry ?? { code: 'status_unknown', text: `未知状态 0x${sw3.toString(16).padStart(2, '0')}` };
}
