CREATE TABLE `approval_decisions` (
	`attendance_id` text PRIMARY KEY NOT NULL,
	`transaction_id` text NOT NULL,
	`decision` text NOT NULL,
	`minutes` integer NOT NULL,
	`points` integer NOT NULL,
	`staff_id` text NOT NULL,
	`reason` text,
	`decided_at_ms` integer NOT NULL,
	FOREIGN KEY (`attendance_id`) REFERENCES `attendances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attendance_closures` (
	`attendance_id` text PRIMARY KEY NOT NULL,
	`transaction_id` text NOT NULL,
	`reason` text NOT NULL,
	`closed_at_ms` integer NOT NULL,
	`raw_minutes` integer NOT NULL,
	`decided_minutes` integer NOT NULL,
	`decided_points` integer NOT NULL,
	`pending` integer NOT NULL,
	`notes` text NOT NULL,
	`recorded_at_ms` integer NOT NULL,
	FOREIGN KEY (`attendance_id`) REFERENCES `attendances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_closures_pending` ON `attendance_closures` (`pending`);--> statement-breakpoint
CREATE TABLE `attendance_credits` (
	`transaction_id` text PRIMARY KEY NOT NULL,
	`attendance_id` text,
	`person_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`station_id` text NOT NULL,
	`business_date` text NOT NULL,
	`source` text NOT NULL,
	`minutes` integer NOT NULL,
	`community_chest_minutes` integer NOT NULL,
	`points` integer NOT NULL,
	`recorded_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attendance_credits_person_date` ON `attendance_credits` (`person_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `attendance_credits_person_activity` ON `attendance_credits` (`person_id`,`activity_id`);--> statement-breakpoint
CREATE TABLE `attendances` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`station_id` text NOT NULL,
	`business_date` text NOT NULL,
	`checked_in_at_ms` integer NOT NULL,
	`kiosk_id` text,
	`recorded_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attendances_person_activity_date` ON `attendances` (`person_id`,`activity_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `attendances_station_checked_in` ON `attendances` (`station_id`,`checked_in_at_ms`);