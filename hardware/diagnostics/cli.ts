// Field diagnostics over the Node transport: `npm run devices -- list | probe <port> | print-test <port> |
// read-card <port>`. Prints masked card data only; the photo is never read past the driver.

import { parseArgs } from 'node:util';
import { createCardReaderDriver } from '../card-reader/driver.ts';
import type { IdCard } from '../card-reader/card-text.ts';
import { sexNamesZh } from '../card-reader/code-tables.ts';
import { createPrinterDriver } from '../printer/driver.ts';
import { printer58mm, printer80mm } from '../printer/profiles.ts';
import { cardReaderLineSettings, printerLineSettings } from '../serial/line-settings.ts';
import { listNodeSerialPorts, openNodeSerialChannel } from '../serial/node-serial.ts';
import { probeDevice } from '../serial/probe.ts';
import { maskIdNumber, maskName } from './mask.ts';

const usage = `用法 usage: npm run devices -- <command>
  list                         列出串口 list serial ports
  probe <port>                 识别设备 find whether a port is a card reader or a printer
  print-test <port> [--profile 58|80]   打印测试小票 print a test receipt
  read-card <port> [--timeout-ms 30000] 读取身份证（脱敏显示） read one card, masked`;

const kindNames: Readonly<Record<IdCard['kind'], string>> = {
  resident: '居民身份证', hmt_permit: '港澳台居民居住证', foreign_2017: '外国人永久居留身份证（2017版）', foreign_2023: '外国人永久居留身份证（2023版）',
};

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { profile: { type: 'string', default: '58' }, 'timeout-ms': { type: 'string', default: '30000' } } });
  const [command, path] = positionals;
  if (command === 'list') return listPorts();
  if (path === undefined || !['probe', 'print-test', 'read-card'].includes(command ?? '')) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (command === 'probe') return probe(path);
  if (command === 'print-test') return printTest(path, values.profile === '80' ? printer80mm : printer58mm);
  return readCard(path, Number(values['timeout-ms']));
}

async function listPorts(): Promise<number> {
  const ports = await listNodeSerialPorts();
  if (ports.length === 0) say('未发现串口 no serial ports');
  for (const port of ports) say(`${port.path}\t${port.vendorId ?? '-'}:${port.productId ?? '-'}\t${port.manufacturer ?? ''}`);
  return 0;
}

async function probe(path: string): Promise<number> {
  const result = await probeDevice((settings) => openNodeSerialChannel(path, settings));
  if (result.role === 'unknown') {
    say(`${path}: 未识别 unknown (no answer to DLE EOT 1 or 11 FF)`);
    return 1;
  }
  say(`${path}: ${result.role === 'card_reader' ? '身份证阅读器 card_reader' : '小票打印机 printer'}`);
  if (result.role === 'card_reader') say(`  SAM: ${JSON.stringify(await createCardReaderDriver(result.channel).checkStatus())}`);
  else say(`  status: ${JSON.stringify(await createPrinterDriver(result.channel, printer58mm).readStatus())}`);
  await result.channel.close();
  return 0;
}

async function printTest(path: string, profile: typeof printer58mm): Promise<number> {
  const channel = await openNodeSerialChannel(path, { ...printerLineSettings, baudRate: profile.baudRate });
  const outcome = await createPrinterDriver(channel, profile).printReceipt({
    kioskId: 'DIAG', kioskSeq: 0, ledgerSeq: null, kind: '打印测试', occurredAt: new Date().toISOString(), stationName: '设备自检',
    lines: [`${profile.nameZh}，每行 ${profile.columns} 列`, '中文 ABC 123 ·•€'], verifyUrl: 'https://example.cn/diagnostics', pending: true,
  });
  say(outcome.ok ? `打印完成 printed (${outcome.value.status})` : `打印失败 ${outcome.code}`);
  await channel.close();
  return outcome.ok ? 0 : 1;
}

async function readCard(path: string, timeoutMs: number): Promise<number> {
  const channel = await openNodeSerialChannel(path, cardReaderLineSettings);
  const driver = createCardReaderDriver(channel);
  say('请放置证件 place a card on the reader…');
  const card = await new Promise<IdCard | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    driver.start((event) => {
      if (event.type === 'card_read') {
        clearTimeout(timer);
        resolve(event.card);
      } else if (event.type === 'reader_lost') {
        clearTimeout(timer);
        resolve(undefined);
      } else say(`  ${event.type}${event.type === 'card_read_failed' ? ` ${event.code}` : ''}`);
    });
  });
  await driver.stop();
  await channel.close();
  if (card === undefined) {
    say('未读到证件 no card read');
    return 1;
  }
  for (const line of describeCard(card)) say(line);
  return 0;
}

function describeCard(card: IdCard): string[] {
  const name = card.kind === 'resident' || card.kind === 'hmt_permit' ? card.name : card.chineseName || card.englishName;
  const number = card.kind === 'foreign_2017' ? card.permitNumber : card.idNumber;
  return [
    `证件类型 ${kindNames[card.kind]} (${card.kind})`,
    `姓名 ${maskName(name)}`,
    `性别 ${sexNamesZh[card.sex]}`,
    ...(card.kind === 'resident' ? [`民族 ${card.nation}`] : []),
    `证件号码 ${maskIdNumber(number)}`,
    `有效期 ${card.validFrom} – ${card.validTo === 'long_term' ? '长期' : card.validTo}`,
  ];
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`设备错误 device error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
