ALTER TABLE `station_settings` ADD `points_expiry_changed_at_ms` integer;--> statement-breakpoint
ALTER TABLE `station_settings` ADD `pairs_per_day_max` integer;--> statement-breakpoint
ALTER TABLE `station_settings` ADD `points_daily_cap_default` integer;--> statement-breakpoint
ALTER TABLE `station_settings` ADD `time_storage_cap_minutes` integer;--> statement-breakpoint
ALTER TABLE `station_settings` ADD `gift_yearly_cap_minutes` integer;