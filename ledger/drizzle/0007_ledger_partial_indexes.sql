DROP INDEX `transactions_resolvesHoldId_unique`;--> statement-breakpoint
DROP INDEX `transactions_reversesId_unique`;--> statement-breakpoint
DROP INDEX `transactions_hash_unique`;--> statement-breakpoint
DROP INDEX `transactions_kiosk_seq`;--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_resolves_hold_id` ON `transactions` (`resolves_hold_id`) WHERE resolves_hold_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_reverses_id` ON `transactions` (`reverses_id`) WHERE reverses_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_kiosk_seq` ON `transactions` (`kiosk_id`,`kiosk_seq`) WHERE kiosk_id IS NOT NULL;