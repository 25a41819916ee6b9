ALTER TABLE `activities` ADD `points_daily_cap_points` integer DEFAULT 40 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `status` text DEFAULT 'active' NOT NULL;