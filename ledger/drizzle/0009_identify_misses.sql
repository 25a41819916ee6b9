CREATE TABLE `identify_misses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`caller_key` text NOT NULL,
	`at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `identify_misses_caller` ON `identify_misses` (`caller_key`,`at_ms`);