CREATE TABLE `points_expiry_runs` (
	`station_id` text NOT NULL,
	`year` integer NOT NULL,
	`people_count` integer NOT NULL,
	`people_expired_count` integer NOT NULL,
	`points_expired` integer NOT NULL,
	`triggered_by` text NOT NULL,
	`actor_id` text,
	`ran_at_ms` integer NOT NULL,
	PRIMARY KEY(`station_id`, `year`),
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `station_settings` (
	`station_id` text PRIMARY KEY NOT NULL,
	`points_expiry_enabled` integer DEFAULT false NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at_ms` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
