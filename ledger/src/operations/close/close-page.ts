// The printable daily close: one zh-CN HTML page with A4 print CSS (range, chain anchors, totals, the seven checks,
// items in words, the signer's name and Beijing time). Every value is escaped; no resident's personal data: ids and
// amounts only.

import type { CloseView } from './daily-close.ts';
import { beijingTime, closeCheckTitles, closeItemText, kindName } from './close-wording.ts';


/** `signerName` is the signing staff member's name (their id when the account is gone). */
export function renderClosePage(close: CloseView, stationName: string, signerName: string): string {
  const kinds = Object.entries(close.totals.byKind).map(([kind, value]) => `<tr><td>${escape(kindName(kind))}</td><td>${value.count}</td><td>${value.time}</td><td>${value.points}</td></tr>`).join('');
  const checks = close.checks.map((check) => `<tr><td>${escape(closeCheckTitles[check.name] ?? check.name)}</td><td class="${check.ok ? 'ok' : 'bad'}">${check.ok ? '通过' : '未通过'}</td><td>${escape(check.detail ?? '')}</td></tr>`).join('');
  const items = close.items.length === 0 ? '<p>无</p>' : `<ul>${close.items.map((item) => `<li>${escape(closeItemText(item))}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>日结 ${escape(close.businessDate)} ${escape(stationName)}</title>
<style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 11pt; color: #000; }
h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #444; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
.ok { color: #060; } .bad { color: #a00; font-weight: bold; } .hash { font-family: monospace; font-size: 8pt; word-break: break-all; }
@media print { a { color: inherit; text-decoration: none; } tr { page-break-inside: avoid; } }
</style></head><body>
<h1>${escape(stationName)} 日结报告</h1>
<table>
<tr><th>营业日</th><td>${escape(close.businessDate)}</td><th>账本序号</th><td>${close.seqFrom} – ${close.seqTo}</td></tr>
<tr><th>日结编号</th><td colspan="3">${escape(close.id)}</td></tr>
<tr><th>链头哈希</th><td colspan="3" class="hash">${escape(close.chainHead)}</td></tr>
<tr><th>上次日结哈希</th><td colspan="3" class="hash">${escape(close.prevCloseHash)}</td></tr>
<tr><th>本次日结哈希</th><td colspan="3" class="hash">${escape(close.closeHash)}</td></tr>
</table>
<h2>合计</h2>
<p>交易 ${close.totals.transactions} 笔，拒绝 ${close.totals.rejected} 笔，迟到的离线补传 ${close.totals.lateUploads} 笔。</p>
<table><tr><th>类型</th><th>笔数</th><th>时间币（分钟）</th><th>积分</th></tr>${kinds}</table>
<h2>核对项</h2>
<table><tr><th>项目</th><th>结果</th><th>说明</th></tr>${checks}</table>
<h2>待处理事项</h2>${items}
<h2>签署</h2>
<p>签署人：${escape(signerName)}（${escape(close.signedBy)}）　签署时间：${escape(beijingTime(close.createdAt))}</p>
<p class="hash">签名：${escape(close.signature)}</p>
<p>签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿＿＿</p>
</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
