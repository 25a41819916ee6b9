CREATE TABLE `closes` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`business_date` text NOT NULL,
	`seq_from` integer NOT NULL,
	`seq_to` integer NOT NULL,
	`chain_head` text NOT NULL,
	`prev_close_hash` text NOT NULL,
	`close_hash` text NOT NULL,
	`signature` text NOT NULL,
	`signed_by` text NOT NULL,
	`totals` text NOT NULL,
	`checks` text NOT NULL,
	`items` text NOT NULL,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closes_closeHash_unique` ON `closes` (`close_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `closes_station_date` ON `closes` (`station_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `kiosk_day_reports` (
	`kiosk_id` text NOT NULL,
	`business_date` text NOT NULL,
	`station_id` text NOT NULL,
	`last_kiosk_seq` integer NOT NULL,
	`counters` text NOT NULL,
	`reported_at_ms` integer NOT NULL,
	PRIMARY KEY(`kiosk_id`, `business_date`)
);
--> statement-breakpoint
CREATE TABLE `reconciliation_items` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`kind` text NOT NULL,
	`transaction_id` text,
	`asset` text,
	`amount` integer,
	`detail` text DEFAULT '' NOT NULL,
	`opened_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reconciliation_station` ON `reconciliation_items` (`station_id`,`opened_at_ms`);--> statement-breakpoint
CREATE TABLE `reconciliation_resolutions` (
	`item_id` text PRIMARY KEY NOT NULL,
	`note` text NOT NULL,
	`resolution_transaction_id` text,
	`resolved_by` text NOT NULL,
	`resolved_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bookings` (
	`hold_id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`person_id` text NOT NULL,
	`service_id` text NOT NULL,
	`asset` text NOT NULL,
	`amount` integer NOT NULL,
	`deadline_ms` integer NOT NULL,
	`kiosk_id` text,
	`created_by` text NOT NULL,
	`recorded_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bookings_station` ON `bookings` (`station_id`,`recorded_at_ms`);--> statement-breakpoint
CREATE TABLE `redemption_collections` (
	`redemption_id` text PRIMARY KEY NOT NULL,
	`collected_by` text NOT NULL,
	`collected_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`person_id` text NOT NULL,
	`service_id` text NOT NULL,
	`asset` text NOT NULL,
	`amount` integer NOT NULL,
	`pickup_code` text NOT NULL,
	`business_date` text NOT NULL,
	`kiosk_id` text,
	`offline` integer DEFAULT 0 NOT NULL,
	`shortfall` integer DEFAULT 0 NOT NULL,
	`recorded_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `redemptions_pickup_code` ON `redemptions` (`station_id`,`business_date`,`pickup_code`);--> statement-breakpoint
CREATE INDEX `redemptions_person` ON `redemptions` (`person_id`);