// Runs the card reader emulator on a serial device path (one end of a socat pty pair) with a fictional card
// placed: `node --import tsx tests/support/pty-reader-emulator.ts <path> [resident|hmt|foreign2017|foreign2023]`.

import { demoForeign2017, demoForeign2023, demoHmtPermit, demoResidentMale } from '../../hardware/card-reader/demo-cards.ts';
import { createCardReaderEmulator } from '../../hardware/card-reader/emulator.ts';
import { cardReaderLineSettings } from '../../hardware/serial/line-settings.ts';
import { openNodeSerialChannel } from '../../hardware/serial/node-serial.ts';

const cards = { resident: demoResidentMale, hmt: demoHmtPermit, foreign2017: demoForeign2017, foreign2023: demoForeign2023 };
const [path, cardName = 'resident'] = process.argv.slice(2);
const card = cards[cardName as keyof typeof cards];
if (path === undefined || card === undefined) {
  process.stderr.write('usage: pty-reader-emulator.ts <path> [resident|hmt|foreign2017|foreign2023]\n');
  process.exit(2);
}

// Split, slightly slow chunks, as a USB-serial bridge delivers them.
const emulator = createCardReaderEmulator({ chunkBytesMax: 64, chunkDelayMs: 1 });
const channel = await openNodeSerialChannel(path, cardReaderLineSettings);
channel.onData((chunk) => emulator.receive(chunk));
emulator.onOutput((bytes) => void channel.write(bytes));
emulator.placeCard(card);
process.on('SIGTERM', () => void channel.close().then(() => process.exit(0)));
process.stdout.write('ready\n');
