// The data the kiosk flow machine works on: views, events from people, devices and the service, and effects as data.
// Types only; the transitions live in machine.ts.

import type { Asset, Balances } from '../../../domain/assets.ts';

export type Intent = 'check-in' | 'check-out' | 'query' | 'redeem' | 'register';

/** What the card reader returns; held in memory only while a resident's turn lasts (design rule 18). */
export type CardData = {
  idNumber: string;
  name: string;
  sex?: string;
  nation?: string;
  birthDate?: string;
  address?: string;
  authority?: string;
  validFrom?: string;
  validTo?: string;
};

export type Person = { id: string; volunteerNo: string; displayName: string; age?: number };
export type OpenAttendance = { attendanceId: string; activityId: string; checkedInAt: string };
export type Resident = { person: Person; balances: Balances; openAttendances: OpenAttendance[] };
export type Activity = { id: string; title: string; startsAt: string; endsAt: string; kind?: string };
export type Service = { id: string; name: string; asset: Asset; price: number; minAge?: number };
export type LedgerEntry = { ledgerSeq: number; kind: string; occurredAt: string; time: number; points: number };

/** The service's receipt data (design §5); `ledgerSeq` is null on a receipt printed offline (待同步). */
export type Receipt = {
  kioskId: string;
  kioskSeq: number;
  ledgerSeq: number | null;
  kind: string;
  occurredAt: string;
  stationName: string;
  lines: string[];
  verifyUrl: string | null;
};

export type IdentifyRequest = { card: CardData } | { qr: string } | { phone: string; birthYear: number };

export type Operation =
  | { kind: 'check-in'; personId: string; activityId: string }
  | { kind: 'check-out'; personId: string; activityId: string }
  | { kind: 'redemption'; personId: string; serviceId: string; asset: Asset; price: number; lastSeenBalance: number }
  | { kind: 'registration'; card: CardData; phone: string | null; consentVersion: string };

export type CheckOutResult = { minutes: number; credited: Balances; balances: Balances };
export type RedemptionResult = { pickupCode: string; balances: Balances | null };

/** The outcome of a write, as the outbox reports it: sent and answered, or stored to send later. */
export type SubmitOutcome =
  | { status: 'done'; receipt: Receipt | null; checkOut?: CheckOutResult; redemption?: RedemptionResult; person?: Person }
  | { status: 'queued'; receipt: Receipt; redemption?: RedemptionResult }
  | { status: 'rejected'; code: string };

export type MessageCode =
  | 'person_not_found'
  | 'identify_failed'
  | 'check_answer_wrong'
  | 'no_open_attendance'
  | 'no_activities'
  | 'no_services'
  | 'under_14'
  | 'card_unreadable'
  | 'registration_needs_network'
  | 'camera_denied'
  | 'camera_failed'
  | 'rejected';

/** Why the camera screen could not scan: permission refused, or no usable camera or detector. */
export type CameraErrorCode = Extract<MessageCode, 'camera_denied' | 'camera_failed'>;

export type View =
  | { screen: 'attract'; intent: Intent | null }
  | { screen: 'phone'; intent: Intent | null; digits: string }
  | { screen: 'check-question'; intent: Intent | null; phone: string; digits: string }
  | { screen: 'identifying'; intent: Intent | null; card: CardData | null; birthYear: number | null }
  | { screen: 'camera'; intent: Intent | null }
  | { screen: 'menu'; resident: Resident; memberQr?: MemberQrPrint }
  | { screen: 'activities'; resident: Resident; activities: Activity[] | null }
  | { screen: 'confirm-check-in'; resident: Resident; activity: Activity }
  | { screen: 'open-attendances'; resident: Resident; activities: Activity[] | null }
  | { screen: 'statement'; resident: Resident; entries: LedgerEntry[] | null }
  | { screen: 'services'; resident: Resident; services: Service[] | null }
  | { screen: 'confirm-redeem'; resident: Resident; service: Service }
  | { screen: 'working'; resident: Resident | null; operation: Operation; activity: Activity | null; service: Service | null }
  | { screen: 'checked-in'; resident: Resident; activity: Activity; receipt: Receipt | null; isQueued: boolean }
  | { screen: 'checked-out'; resident: Resident; result: CheckOutResult | null; receipt: Receipt | null; isQueued: boolean }
  | { screen: 'redeemed'; resident: Resident; service: Service; result: RedemptionResult | null; receipt: Receipt | null; isQueued: boolean }
  | { screen: 'register-tap' }
  | { screen: 'consent'; card: CardData }
  | { screen: 'register-phone'; card: CardData; digits: string }
  | { screen: 'registered'; person: Person | null }
  | { screen: 'message'; code: MessageCode; detail: string | null; card: CardData | null };

/** Where printing the member QR stands, shown on the menu so nobody taps twice wondering. */
export type MemberQrPrint = 'printing' | 'printed' | 'failed';

export type Screen = View['screen'];

export type FlowState = { view: View; lastInputMs: number };

export type FlowEvent =
  | { type: 'intent'; intent: Intent }
  | { type: 'card'; card: CardData }
  | { type: 'card-error' }
  | { type: 'scan'; text: string }
  | { type: 'camera' }
  | { type: 'camera-error'; code: CameraErrorCode }
  | { type: 'keypad'; intent: Intent | null }
  | { type: 'digit'; digit: string }
  | { type: 'backspace' }
  | { type: 'enter' }
  | { type: 'skip' }
  | { type: 'identified'; resident: Resident }
  | { type: 'identify-failed'; code: string }
  | { type: 'activities-loaded'; activities: Activity[] }
  | { type: 'services-loaded'; services: Service[] }
  | { type: 'history-loaded'; entries: LedgerEntry[] }
  | { type: 'choose-activity'; activityId: string }
  | { type: 'choose-service'; serviceId: string }
  | { type: 'confirm' }
  | { type: 'print-statement' }
  | { type: 'print-member-qr' }
  | { type: 'member-qr-printed'; isPrinted: boolean }
  | { type: 'submitted'; outcome: SubmitOutcome }
  | { type: 'agree' }
  | { type: 'back' }
  | { type: 'finish' }
  | { type: 'touch' }
  | { type: 'tick' };

export type SpeechKey = 'prompt_tap' | 'prompt_activity' | 'prompt_confirm' | 'done_check_in' | 'done_check_out' | 'done_redeem' | 'prompt_consent' | 'prompt_phone' | 'prompt_camera' | 'message';

export type Effect =
  | { kind: 'identify'; request: IdentifyRequest }
  | { kind: 'load-activities' }
  | { kind: 'load-services' }
  | { kind: 'load-history'; personId: string }
  | { kind: 'submit'; operation: Operation }
  | { kind: 'print'; receipt: Receipt; isQueued: boolean }
  | { kind: 'print-statement'; resident: Resident; entries: LedgerEntry[] }
  | { kind: 'print-member-qr'; person: Person }
  | { kind: 'speak'; key: SpeechKey }
  | { kind: 'wipe' };

export type FlowConfig = { idleTimeoutMs: number; consentVersion: string };

export const defaultFlowConfig: FlowConfig = { idleTimeoutMs: 45_000, consentVersion: 'kiosk-consent-v1' };
