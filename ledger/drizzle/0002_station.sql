CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`starts_at_ms` integer NOT NULL,
	`ends_at_ms` integer NOT NULL,
	`late_grace_minutes` integer NOT NULL,
	`rounding` text NOT NULL,
	`min_attendance_ratio_percent` integer NOT NULL,
	`approval` text NOT NULL,
	`points_per_hour` integer NOT NULL,
	`bonus_points` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_station_start` ON `activities` (`station_id`,`starts_at_ms`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at_ms` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`station_id` text,
	`event` text NOT NULL,
	`outcome` text NOT NULL,
	`target` text,
	`detail` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `family_links` (
	`person_id` text NOT NULL,
	`relative_id` text NOT NULL,
	`relation` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	PRIMARY KEY(`person_id`, `relative_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`relative_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `kiosk_nonces` (
	`kiosk_id` text NOT NULL,
	`nonce` text NOT NULL,
	`expires_at_ms` integer NOT NULL,
	PRIMARY KEY(`kiosk_id`, `nonce`)
);
--> statement-breakpoint
CREATE INDEX `kiosk_nonces_expiry` ON `kiosk_nonces` (`expires_at_ms`);--> statement-breakpoint
CREATE TABLE `kiosk_writes` (
	`id` text PRIMARY KEY NOT NULL,
	`kiosk_id` text NOT NULL,
	`kiosk_seq` integer NOT NULL,
	`kind` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`recorded_at_ms` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosk_writes_seq` ON `kiosk_writes` (`kiosk_id`,`kiosk_seq`);--> statement-breakpoint
CREATE TABLE `kiosks` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`name` text NOT NULL,
	`enrollment_code_hash` text NOT NULL,
	`enrollment_expires_at_ms` integer NOT NULL,
	`enrolled_at_ms` integer,
	`public_key_jwk` text,
	`revoked_at_ms` integer,
	`created_by` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`last_heartbeat_at_ms` integer,
	`device_status` text,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosks_enrollmentCodeHash_unique` ON `kiosks` (`enrollment_code_hash`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`client_key` text NOT NULL,
	`at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_username` ON `login_failures` (`username`,`at_ms`);--> statement-breakpoint
CREATE INDEX `login_failures_client` ON `login_failures` (`client_key`,`at_ms`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`volunteer_no` text NOT NULL,
	`id_number_cipher` text NOT NULL,
	`id_number_hash` text NOT NULL,
	`name_cipher` text NOT NULL,
	`display_name` text NOT NULL,
	`phone_cipher` text,
	`phone_hash` text,
	`sex` text,
	`birth_date` text NOT NULL,
	`consent_version` text NOT NULL,
	`consent_at_ms` integer NOT NULL,
	`work_unit` text,
	`station_id` text NOT NULL,
	`registered_by` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_volunteerNo_unique` ON `people` (`volunteer_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_idNumberHash_unique` ON `people` (`id_number_hash`);--> statement-breakpoint
CREATE INDEX `people_phone_hash` ON `people` (`phone_hash`);--> statement-breakpoint
CREATE INDEX `people_station` ON `people` (`station_id`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`name` text NOT NULL,
	`asset` text NOT NULL,
	`price` integer NOT NULL,
	`min_age` integer,
	`created_by` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `services_station` ON `services` (`station_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`region_id` text,
	`disabled_at_ms` integer,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`created_at_ms` integer NOT NULL,
	`last_seen_at_ms` integer NOT NULL,
	`revoked_at_ms` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_stations` (
	`staff_id` text NOT NULL,
	`station_id` text NOT NULL,
	PRIMARY KEY(`staff_id`, `station_id`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stations` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`created_at_ms` integer NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
