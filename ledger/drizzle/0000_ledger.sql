CREATE TABLE `accounts` (
	`key` text PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` text NOT NULL,
	`purpose` text NOT NULL,
	`asset` text NOT NULL,
	`non_negative` integer NOT NULL,
	`created_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_owner` ON `accounts` (`owner_kind`,`owner_id`,`asset`,`purpose`);--> statement-breakpoint
CREATE TABLE `balances` (
	`account_key` text PRIMARY KEY NOT NULL,
	`non_negative` integer NOT NULL,
	`balance` integer NOT NULL,
	`last_seq` integer NOT NULL,
	FOREIGN KEY (`account_key`) REFERENCES `accounts`(`key`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "balances_floor" CHECK(non_negative = 0 OR balance >= 0)
);
--> statement-breakpoint
CREATE TABLE `holds` (
	`hold_id` text PRIMARY KEY NOT NULL,
	`ledger_seq` integer NOT NULL,
	`asset` text NOT NULL,
	`amount` integer NOT NULL,
	`source_key` text NOT NULL,
	`held_key` text NOT NULL,
	`destination_key` text NOT NULL,
	`expires_at_ms` integer,
	`status` text NOT NULL,
	`resolved_seq` integer,
	FOREIGN KEY (`ledger_seq`) REFERENCES `transactions`(`ledger_seq`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "holds_amount_positive" CHECK(amount > 0)
);
--> statement-breakpoint
CREATE INDEX `holds_status` ON `holds` (`status`,`expires_at_ms`);--> statement-breakpoint
CREATE TABLE `postings` (
	`ledger_seq` integer NOT NULL,
	`leg` integer NOT NULL,
	`account_key` text NOT NULL,
	`asset` text NOT NULL,
	`amount` integer NOT NULL,
	`balance_after` integer NOT NULL,
	PRIMARY KEY(`ledger_seq`, `leg`),
	FOREIGN KEY (`ledger_seq`) REFERENCES `transactions`(`ledger_seq`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_key`) REFERENCES `accounts`(`key`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "postings_amount_nonzero" CHECK(amount <> 0)
);
--> statement-breakpoint
CREATE INDEX `postings_account_seq` ON `postings` (`account_key`,`ledger_seq`);--> statement-breakpoint
CREATE TABLE `transactions` (
	`ledger_seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`request_hash` blob NOT NULL,
	`status` text NOT NULL,
	`code` text,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	`station_id` text,
	`kiosk_id` text,
	`kiosk_seq` integer,
	`actor_id` text,
	`occurred_at_ms` integer,
	`recorded_at_ms` integer NOT NULL,
	`hold_expires_at_ms` integer,
	`opens_hold` integer DEFAULT 0 NOT NULL,
	`resolves_hold_id` text,
	`resolution` text,
	`reverses_id` text,
	`memo` text,
	`metadata` text,
	`response` text NOT NULL,
	`prev_hash` blob NOT NULL,
	`hash` blob NOT NULL,
	CONSTRAINT "transactions_hash_length" CHECK(length(hash) = 32 AND length(prev_hash) = 32)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_id_unique` ON `transactions` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_resolvesHoldId_unique` ON `transactions` (`resolves_hold_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_reversesId_unique` ON `transactions` (`reverses_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_hash_unique` ON `transactions` (`hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_kiosk_seq` ON `transactions` (`kiosk_id`,`kiosk_seq`);