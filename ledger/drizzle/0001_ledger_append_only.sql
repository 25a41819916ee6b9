-- Append-only ledger: transactions and postings are never updated or deleted; corrections are reversals.
-- A hold's status moves once, from pending to a final state, and holds are never deleted.
CREATE TRIGGER `transactions_no_update` BEFORE UPDATE ON `transactions`
BEGIN SELECT RAISE(ABORT, 'append_only: transactions cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `transactions_no_delete` BEFORE DELETE ON `transactions`
BEGIN SELECT RAISE(ABORT, 'append_only: transactions cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `postings_no_update` BEFORE UPDATE ON `postings`
BEGIN SELECT RAISE(ABORT, 'append_only: postings cannot be updated'); END;
--> statement-breakpoint
CREATE TRIGGER `postings_no_delete` BEFORE DELETE ON `postings`
BEGIN SELECT RAISE(ABORT, 'append_only: postings cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `holds_resolve_once` BEFORE UPDATE ON `holds`
WHEN OLD.status <> 'pending' OR NEW.status = 'pending' OR NEW.hold_id <> OLD.hold_id OR NEW.amount <> OLD.amount
BEGIN SELECT RAISE(ABORT, 'append_only: a hold is resolved exactly once'); END;
--> statement-breakpoint
CREATE TRIGGER `holds_no_delete` BEFORE DELETE ON `holds`
BEGIN SELECT RAISE(ABORT, 'append_only: holds cannot be deleted'); END;
