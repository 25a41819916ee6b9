-- Attendance rows are written once with their ledger transaction: never updated or deleted.
CREATE TRIGGER `attendances_no_update` BEFORE UPDATE ON `attendances`
BEGIN SELECT RAISE(ABORT, 'insert_only: attendances cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `attendances_no_delete` BEFORE DELETE ON `attendances`
BEGIN SELECT RAISE(ABORT, 'insert_only: attendances cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_closures_no_update` BEFORE UPDATE ON `attendance_closures`
BEGIN SELECT RAISE(ABORT, 'insert_only: attendance_closures cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_closures_no_delete` BEFORE DELETE ON `attendance_closures`
BEGIN SELECT RAISE(ABORT, 'insert_only: attendance_closures cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_update` BEFORE UPDATE ON `approval_decisions`
BEGIN SELECT RAISE(ABORT, 'insert_only: approval_decisions cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_delete` BEFORE DELETE ON `approval_decisions`
BEGIN SELECT RAISE(ABORT, 'insert_only: approval_decisions cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_credits_no_update` BEFORE UPDATE ON `attendance_credits`
BEGIN SELECT RAISE(ABORT, 'insert_only: attendance_credits cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_credits_no_delete` BEFORE DELETE ON `attendance_credits`
BEGIN SELECT RAISE(ABORT, 'insert_only: attendance_credits cannot be deleted'); END;
